//! The bitmap font pictures are drawn in: GNU Unifont (every character of Unicode's Basic
//! Multilingual Plane, 8×16 pixels, Chinese and other wide characters 16×16), with a box for a
//! character it lacks (an emoji beyond the plane) and a globe for the browser's 🌐.

use std::sync::OnceLock;

/// One character's pixels: 16 rows, each a bit per column from the left (8 or 16 columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub rows: [u16; 16],
    /// 8 or 16.
    pub width: u8,
}

impl Glyph {
    /// Whether the pixel at (`x`, `y`) is ink.
    pub fn ink(&self, x: usize, y: usize) -> bool {
        let width = usize::from(self.width);
        x < width && y < 16 && self.rows[y] & (1 << (width - 1 - x)) != 0
    }
}

/// The glyph for `ch`, `wide` (taking two cells) or not. A character the font lacks is drawn as
/// a box as wide as its cells, as terminals do.
pub fn glyph(ch: char, wide: bool) -> Glyph {
    if (ch as u32) < 0x80 {
        return ascii()[ch as usize];
    }
    if ch == '🌐' {
        return GLOBE;
    }
    // The font's width and the terminal's can differ (✓ is 16 pixels wide in the font, one
    // cell on the screen): the glyph is fitted to the cells the screen gives it.
    match (unifont::get_glyph(ch), wide) {
        (Some(unifont::Glyph::Halfwidth(rows)), false) => narrow(rows),
        (Some(unifont::Glyph::Halfwidth(rows)), true) => Glyph {
            rows: rows.map(|row| u16::from(row) << 4),
            width: 16,
        },
        (Some(unifont::Glyph::Fullwidth(rows)), true) => Glyph {
            rows: *rows,
            width: 16,
        },
        (Some(unifont::Glyph::Fullwidth(rows)), false) => squeezed(rows),
        (None, _) => missing(wide),
    }
}

/// A 16-pixel glyph in 8 columns: each pair of columns inked where either is, so no stroke is
/// lost.
fn squeezed(rows: &[u16; 16]) -> Glyph {
    let rows = rows.map(|row| {
        (0..8).fold(0u16, |narrow, pair| {
            let both = (row >> (14 - 2 * pair)) & 0b11;
            (narrow << 1) | u16::from(both != 0)
        })
    });
    Glyph { rows, width: 8 }
}

/// The printable ASCII glyphs, looked up once: most of every frame.
fn ascii() -> &'static [Glyph; 128] {
    static ASCII: OnceLock<[Glyph; 128]> = OnceLock::new();
    ASCII.get_or_init(|| {
        std::array::from_fn(|code| match unifont::get_glyph(char::from(code as u8)) {
            Some(unifont::Glyph::Halfwidth(rows)) if code >= 0x20 && code != 0x7f => narrow(rows),
            _ => BLANK,
        })
    })
}

fn narrow(rows: &[u8; 16]) -> Glyph {
    Glyph {
        rows: rows.map(u16::from),
        width: 8,
    }
}

const BLANK: Glyph = Glyph {
    rows: [0; 16],
    width: 8,
};

/// A hollow box, for a character the font lacks.
fn missing(wide: bool) -> Glyph {
    let (width, sides, top) = if wide {
        (16, 0x4002, 0x7ffe)
    } else {
        (8, 0x42, 0x7e)
    };
    let mut rows = [0; 16];
    for (y, row) in rows.iter_mut().enumerate().take(14).skip(2) {
        *row = if y == 2 || y == 13 { top } else { sides };
    }
    Glyph { rows, width }
}

/// 🌐, before the browser's address: a circle with a meridian and parallels, 16×16.
const GLOBE: Glyph = Glyph {
    rows: [
        0x0000, 0x07e0, 0x1998, 0x2184, 0x2184, 0x7ffe, 0x4182, 0x8181, 0x8181, 0x4182, 0x7ffe,
        0x2184, 0x2184, 0x1998, 0x07e0, 0x0000,
    ],
    width: 16,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_the_phones_characters() {
        // Latin, box drawing, blocks, arrows and Chinese, as the phone draws them.
        for ch in "Aé·‹›╭╮╰╯─│┃▌▮▏⌂▶✓↑↓蓝牙账号".chars() {
            let wide = unicode_width::UnicodeWidthChar::width(ch) == Some(2);
            let glyph = glyph(ch, wide);
            assert_ne!(glyph, missing(wide), "{ch:?} is missing from the font");
            assert_eq!(glyph.width, if wide { 16 } else { 8 }, "{ch:?}");
            assert!(glyph.rows.iter().any(|row| *row != 0), "{ch:?} has no ink");
        }
    }

    #[test]
    fn a_glyph_is_fitted_to_its_cells() {
        // ✓ is 16 pixels wide in the font and one cell on the screen.
        let check = glyph('✓', false);
        assert_eq!(check.width, 8);
        assert!(check.rows.iter().any(|row| *row != 0));
        let full = [0xffffu16; 16];
        assert_eq!(squeezed(&full).rows, [0xff; 16]);
        assert_eq!(squeezed(&[0x8000; 16]).rows, [0x80; 16]);
        assert_eq!(squeezed(&[0x0001; 16]).rows, [0x01; 16]);
        // A narrow glyph in two cells is centred.
        let e = glyph('é', true);
        assert_eq!(e.width, 16);
        assert!((0..16).all(|y| !e.ink(0, y) && !e.ink(15, y)));
        assert!((0..16).any(|y| e.ink(6, y)));
    }

    #[test]
    fn a_character_beyond_the_font_is_a_box_of_its_width() {
        assert_eq!(glyph('🦀', true), missing(true));
        assert!(glyph('🦀', true).ink(1, 2) && !glyph('🦀', true).ink(1, 1));
        assert_eq!(glyph('\u{7}', false), BLANK);
    }

    #[test]
    fn box_lines_meet_at_the_cell_edges() {
        let across = glyph('─', false);
        assert!(across.ink(0, 7) && across.ink(7, 7));
        let down = glyph('│', false);
        assert!(down.ink(4, 0) && down.ink(4, 15));
    }
}
