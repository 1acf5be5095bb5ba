//! The phone as a picture: the frame the terminal shows, drawn pixel by pixel from the same
//! cells and theme, for people (PNG steps, an illustrated guide) and for agents that look at
//! screenshots. A cell is 8×16 pixels (a wide character's two cells 16×16) at scale 1, each pixel
//! a square of `scale`×`scale` at a larger scale. The same buffer always gives the same pixels.

mod font;
pub mod png;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

pub use font::{Glyph, glyph};

/// A cell's size in pixels at scale 1.
pub const CELL_WIDTH: u32 = 8;
pub const CELL_HEIGHT: u32 = 16;
/// The largest scale a picture is drawn at (a 500×200 terminal at 4 is 16,000×12,800 pixels).
pub const SCALE_MAX: u32 = 4;

/// The cell (column, row) the pixel at (`x`, `y`) of a picture drawn at `scale` falls in.
pub fn cell_at(x: u32, y: u32, scale: u32) -> (u32, u32) {
    let scale = scale.max(1);
    (x / (CELL_WIDTH * scale), y / (CELL_HEIGHT * scale))
}

/// A box of cells `[column, row, width, height]` as pixels `[x, y, width, height]` of a
/// picture drawn at `scale`.
pub fn box_in_pixels([x, y, width, height]: [u16; 4], scale: u32) -> [u32; 4] {
    let (w, h) = (CELL_WIDTH * scale, CELL_HEIGHT * scale);
    [
        u32::from(x) * w,
        u32::from(y) * h,
        u32::from(width) * w,
        u32::from(height) * h,
    ]
}

/// The bytes of a picture of `columns`×`rows` cells drawn at `scale`.
pub fn picture_bytes(columns: u16, rows: u16, scale: u32) -> u64 {
    let wide = u64::from(columns) * u64::from(CELL_WIDTH * scale);
    let high = u64::from(rows) * u64::from(CELL_HEIGHT * scale);
    wide * high * 3
}

/// An RGB picture, 8 bits a channel, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// `width × height × 3` bytes.
    pub rgb: Vec<u8>,
}

/// The colours a cell's named colours are drawn in (the terminal's palette decides them on a
/// screen; a picture needs its own), and the screen's own text and background.
mod palette {
    pub const TEXT: [u8; 3] = [0xf2, 0xf2, 0xf7];
    pub const BACKGROUND: [u8; 3] = [0x00, 0x00, 0x00];
    pub const BLACK: [u8; 3] = [0x00, 0x00, 0x00];
    pub const RED: [u8; 3] = [0xff, 0x45, 0x3a];
    pub const GREEN: [u8; 3] = [0x30, 0xd1, 0x58];
    pub const YELLOW: [u8; 3] = [0xff, 0xd6, 0x0a];
    pub const BLUE: [u8; 3] = [0x0a, 0x84, 0xff];
    pub const MAGENTA: [u8; 3] = [0xbf, 0x5a, 0xf2];
    pub const CYAN: [u8; 3] = [0x64, 0xd2, 0xff];
    /// Secondary text.
    pub const GRAY: [u8; 3] = [0xae, 0xae, 0xb2];
    /// Frames, faint text, what is disabled.
    pub const DARK_GRAY: [u8; 3] = [0x63, 0x63, 0x66];
    pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
}

/// The RGB of `color`, `default` where the cell keeps the screen's own.
fn rgb(color: Color, default: [u8; 3]) -> [u8; 3] {
    use palette::*;
    match color {
        Color::Reset => default,
        Color::Rgb(r, g, b) => [r, g, b],
        Color::Black => BLACK,
        Color::Red | Color::LightRed => RED,
        Color::Green | Color::LightGreen => GREEN,
        Color::Yellow | Color::LightYellow => YELLOW,
        Color::Blue | Color::LightBlue => BLUE,
        Color::Magenta | Color::LightMagenta => MAGENTA,
        Color::Cyan | Color::LightCyan => CYAN,
        Color::Gray => GRAY,
        Color::DarkGray => DARK_GRAY,
        Color::White => WHITE,
        Color::Indexed(n) => indexed(n),
    }
}

/// xterm's 256 colours: the 16 named, a 6×6×6 cube, then 24 greys.
fn indexed(n: u8) -> [u8; 3] {
    use palette::*;
    const NAMED: [[u8; 3]; 16] = [
        BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, GRAY, DARK_GRAY, RED, GREEN, YELLOW, BLUE,
        MAGENTA, CYAN, WHITE,
    ];
    match n {
        0..=15 => NAMED[usize::from(n)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let n = n - 16;
            [level(n / 36), level(n / 6 % 6), level(n % 6)]
        }
        _ => {
            let grey = 8 + (n - 232) * 10;
            [grey, grey, grey]
        }
    }
}

/// A cell's ink and paper after its modifiers (reversed, dimmed).
fn colours(cell: &Cell) -> ([u8; 3], [u8; 3]) {
    let mut ink = rgb(cell.fg, palette::TEXT);
    let mut paper = rgb(cell.bg, palette::BACKGROUND);
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut ink, &mut paper);
    }
    if cell.modifier.contains(Modifier::DIM) {
        ink = std::array::from_fn(|i| ((u16::from(ink[i]) + u16::from(paper[i])) / 2) as u8);
    }
    (ink, paper)
}

/// How many cells the glyph of `symbol` covers (a placeholder after a wide one covers none).
fn cells_of(symbol: &str) -> usize {
    match symbol.as_bytes() {
        [byte] if byte.is_ascii() => 1,
        _ => crate::layout::text_width(symbol),
    }
}

/// The buffer drawn at `scale` (1 to [`SCALE_MAX`], a larger one drawn at the largest).
pub fn draw(buffer: &Buffer, scale: u32) -> Picture {
    let mut picture = Picture::default();
    draw_into(buffer, scale, &mut picture);
    picture
}

/// [`draw`] into `picture`, reusing its memory at scale 1 (an agent's frames, one per step).
pub fn draw_into(buffer: &Buffer, scale: u32, picture: &mut Picture) {
    let scale = scale.clamp(1, SCALE_MAX);
    let columns = usize::from(buffer.area.width);
    let rows = usize::from(buffer.area.height);
    let cell_width = CELL_WIDTH as usize;
    let cell_height = CELL_HEIGHT as usize;
    let width = columns * cell_width;
    let height = rows * cell_height;
    let stride = width * 3;
    // Drawn at scale 1 first; a larger scale repeats each pixel.
    let mut one = std::mem::take(&mut picture.rgb);
    one.clear();
    one.resize(stride * height, 0);
    let content = buffer.content();
    for row in 0..rows {
        let mut column = 0;
        while column < columns {
            let Some(cell) = content.get(row * columns + column) else {
                break;
            };
            let symbol = cell.symbol();
            let covers = cells_of(symbol).clamp(1, columns - column);
            let ch = symbol.chars().next().unwrap_or(' ');
            let glyph = glyph(ch, covers == 2);
            let (ink, paper) = colours(cell);
            let bold = cell.modifier.contains(Modifier::BOLD);
            let underlined = cell.modifier.contains(Modifier::UNDERLINED);
            let across = covers * cell_width;
            let span = across * 3;
            // A row of the cell all paper, copied whole where a row has no ink (most rows).
            let mut blank = [0u8; 16 * 3];
            for pixel in blank.chunks_exact_mut(3) {
                pixel.copy_from_slice(&paper);
            }
            let start = (row * cell_height * stride + column * cell_width * 3).min(one.len());
            for (y, line) in one[start..]
                .chunks_mut(stride)
                .take(cell_height)
                .enumerate()
            {
                // The row's ink as bits, the leftmost pixel highest (see `Glyph::ink`); bold
                // inks each pixel right of an inked one too.
                let mut bits = if usize::from(glyph.width) == across {
                    u32::from(glyph.rows[y]) & ((1 << across) - 1)
                } else {
                    (0..across).fold(0u32, |bits, x| (bits << 1) | u32::from(glyph.ink(x, y)))
                };
                if bold {
                    bits |= bits >> 1;
                }
                if underlined && y == cell_height - 1 {
                    bits = u32::MAX;
                }
                let (Some(out), Some(paper_row)) = (line.get_mut(..span), blank.get(..span)) else {
                    continue;
                };
                out.copy_from_slice(paper_row);
                if bits == 0 {
                    continue;
                }
                for (x, pixel) in out.chunks_exact_mut(3).enumerate() {
                    if bits >> (across - 1 - x) & 1 != 0 {
                        pixel.copy_from_slice(&ink);
                    }
                }
            }
            column += covers;
        }
    }
    picture.width = (width as u32) * scale;
    picture.height = (height as u32) * scale;
    picture.rgb = if scale == 1 {
        one
    } else {
        enlarge(&one, width, scale as usize)
    };
}

/// Each pixel of a picture `width` wide as a square of `scale`×`scale`.
fn enlarge(one: &[u8], width: usize, scale: usize) -> Vec<u8> {
    let stride = width * 3;
    let mut out = Vec::with_capacity(one.len() * scale * scale);
    for line in one.chunks(stride.max(1)) {
        let start = out.len();
        for pixel in line.chunks(3) {
            for _ in 0..scale {
                out.extend_from_slice(pixel);
            }
        }
        let wide = out.len() - start;
        for _ in 1..scale {
            out.extend_from_within(start..start + wide);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn pixel(picture: &Picture, x: u32, y: u32) -> [u8; 3] {
        let at = ((y * picture.width + x) * 3) as usize;
        [picture.rgb[at], picture.rgb[at + 1], picture.rgb[at + 2]]
    }

    #[test]
    fn a_cell_is_eight_by_sixteen_and_a_scale_repeats_pixels() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 2));
        buffer.set_string(0, 0, "│", Style::new().fg(Color::Red));
        let one = draw(&buffer, 1);
        assert_eq!(
            (one.width, one.height, one.rgb.len()),
            (24, 32, 24 * 32 * 3)
        );
        assert_eq!(pixel(&one, 4, 0), palette::RED);
        assert_eq!(pixel(&one, 0, 0), palette::BACKGROUND);
        let two = draw(&buffer, 2);
        assert_eq!((two.width, two.height), (48, 64));
        for (x, y) in [(8, 0), (9, 1), (8, 31)] {
            assert_eq!(pixel(&two, x, y), palette::RED, "({x}, {y})");
        }
        assert_eq!(pixel(&two, 7, 0), palette::BACKGROUND);
        assert_eq!(draw(&buffer, 99).width, 24 * SCALE_MAX);
    }

    #[test]
    fn a_wide_character_takes_two_cells_and_the_next_starts_after() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        buffer.set_string(0, 0, "蓝x", Style::new().bg(Color::Blue));
        let picture = draw(&buffer, 1);
        let blue = |x: u32| (0..16).any(|y| pixel(&picture, x, y) == palette::BLUE);
        // The paper of the wide glyph runs through both cells, then the x's cell.
        assert!(blue(8) && blue(15) && blue(16) && blue(23));
        assert!(!blue(24));
        let ink_in = |from: u32, to: u32| {
            (from..to).any(|x| (0..16).any(|y| pixel(&picture, x, y) == palette::TEXT))
        };
        assert!(ink_in(8, 16), "蓝 reaches into its second cell");
    }

    #[test]
    fn modifiers_change_the_pixels() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        buffer.set_string(0, 0, "I", Style::new());
        buffer.set_string(1, 0, "I", Style::new().add_modifier(Modifier::BOLD));
        buffer.set_string(2, 0, " ", Style::new().add_modifier(Modifier::UNDERLINED));
        buffer.set_string(3, 0, " ", Style::new().add_modifier(Modifier::REVERSED));
        let picture = draw(&buffer, 1);
        let inked = |from: u32| {
            (from..from + 8)
                .flat_map(|x| (0..16).map(move |y| (x, y)))
                .filter(|(x, y)| pixel(&picture, *x, *y) == palette::TEXT)
                .count()
        };
        assert!(inked(8) > inked(0), "bold is heavier");
        assert_eq!(inked(16), 8, "an underline is one row");
        assert_eq!(inked(24), 128, "reversed paper is the text colour");
    }

    #[test]
    fn the_same_buffer_gives_the_same_pixels_and_memory_is_reused() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 2));
        buffer.set_string(0, 0, "Mi 账号 ✓", Style::new().fg(Color::Gray));
        let mut picture = draw(&buffer, 2);
        let first = picture.clone();
        draw_into(&buffer, 2, &mut picture);
        assert_eq!(picture, first);
    }

    #[test]
    fn pixels_and_cells_map_both_ways() {
        assert_eq!(cell_at(0, 0, 1), (0, 0));
        assert_eq!(cell_at(15, 31, 1), (1, 1));
        assert_eq!(cell_at(16, 32, 2), (1, 1));
        assert_eq!(box_in_pixels([1, 2, 3, 1], 2), [16, 64, 48, 32]);
        let [x, y, ..] = box_in_pixels([7, 5, 1, 1], 3);
        assert_eq!(cell_at(x, y, 3), (7, 5));
        assert_eq!(picture_bytes(60, 24, 1), 480 * 384 * 3);
    }

    #[test]
    fn the_xterm_cube_and_greys_are_in_range() {
        assert_eq!(indexed(16), [0, 0, 0]);
        assert_eq!(indexed(231), [255, 255, 255]);
        assert_eq!(indexed(255), [238, 238, 238]);
    }
}
