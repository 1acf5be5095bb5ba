//! What an agent sees in pixels: the episode's frame drawn in colour (`ui::pixels`), announced
//! in each answer and sent as raw bytes after its line (`crate::shells::agent`), or as a PNG
//! for `{"op":"render","format":"png"}`.

use std::path::Path;

use super::protocol::{ObservationKind, PixelFrame, Response};
use super::shared_file;
use crate::play::tasks::Episode;
use crate::ui::pixels::{self, Picture, SCALE_MAX};

/// The largest frame sent as pixels, in bytes: a 500x200 terminal at scale 1 (38.4 MB) fits, a
/// larger scale of it does not.
pub const FRAME_BYTES_MAX: u64 = 40_000_000;

/// How an episode is seen in pixels, and its last frame drawn (its memory reused).
#[derive(Default)]
pub(super) struct Pixels {
    pub(super) kind: ObservationKind,
    pub(super) scale: u32,
    picture: Picture,
    /// The file frames are written into (the reset's `pixels_file`), if any.
    file: Option<std::fs::File>,
}

impl Pixels {
    /// The pixels of a terminal of `width`×`height` cells at `scale` (default 1): an error
    /// names what is out of bounds.
    pub(super) fn new(
        kind: ObservationKind,
        scale: Option<u32>,
        (width, height): (u16, u16),
        file: Option<&Path>,
    ) -> Result<Pixels, String> {
        let scale = scale.unwrap_or(1);
        if !(1..=SCALE_MAX).contains(&scale) {
            return Err(format!("options.scale {scale}: from 1 to {SCALE_MAX}"));
        }
        let bytes = pixels::picture_bytes(width, height, scale);
        if kind.has_pixels() && bytes > FRAME_BYTES_MAX {
            return Err(format!(
                "options.scale {scale} at {width}x{height}: a frame of {bytes} bytes, more than \
                 {FRAME_BYTES_MAX}: ask for a smaller terminal or scale"
            ));
        }
        let file = match file {
            Some(path) if kind.has_pixels() => Some(frame_file(path)?),
            _ => None,
        };
        Ok(Pixels {
            kind,
            scale,
            picture: Picture::default(),
            file,
        })
    }

    /// The bytes of the last frame announced (see [`drawn`]).
    pub(super) fn rgb(&self) -> &[u8] {
        &self.picture.rgb
    }
}

/// The client's file for frames, opened to write (see [`shared_file::open`]).
fn frame_file(path: &Path) -> Result<std::fs::File, String> {
    shared_file::open(path).map_err(|e| format!("options.pixels_file {}: {e}", path.display()))
}

/// Draws the frame of `episode` (a terminal of `size`) as pixels when it is seen so, and
/// announces it.
pub(super) fn drawn(
    seen: &mut Pixels,
    episode: &mut Episode,
    (width, height): (u16, u16),
) -> Option<PixelFrame> {
    if !seen.kind.has_pixels() {
        return None;
    }
    episode.draw_styled(width, height);
    let buffer = episode.buffer()?;
    let picture = &mut seen.picture;
    pixels::draw_into(buffer, seen.scale, picture);
    // A frame the file cannot take (the disk is full, the file was cut) follows the line.
    let file = match &seen.file {
        Some(file) => shared_file::write_at(file, &picture.rgb, 0),
        None => false,
    };
    Some(PixelFrame {
        width: picture.width,
        height: picture.height,
        bytes: picture.rgb.len(),
        file,
    })
}

/// The frame of `episode` (a terminal of `size`) as a PNG, base64-encoded, at `scale`.
pub(super) fn png(scale: u32, episode: &mut Episode, (width, height): (u16, u16)) -> Response {
    let bytes = pixels::picture_bytes(width, height, scale);
    if bytes > FRAME_BYTES_MAX {
        return Response::Error {
            error: format!(
                "a frame of {bytes} bytes at scale {scale}: more than {FRAME_BYTES_MAX}"
            ),
        };
    }
    episode.draw_styled(width, height);
    let Some(buffer) = episode.buffer() else {
        return Response::Error {
            error: "the frame is not drawn in colour".into(),
        };
    };
    let picture = pixels::draw(buffer, scale);
    match pixels::png::encode(&picture) {
        Ok(bytes) => Response::Picture {
            png: base64(&bytes),
            width: picture.width,
            height: picture.height,
        },
        Err(e) => Response::Error {
            error: format!("cannot write the frame as PNG: {e}"),
        },
    }
}

/// `bytes` in base64 (RFC 4648's alphabet, padded).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648s() {
        // RFC 4648, section 10.
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn a_scale_or_a_frame_out_of_bounds_is_refused_by_name() {
        let too_big = Pixels::new(ObservationKind::Pixels, Some(0), (60, 24), None).err();
        assert_eq!(too_big.as_deref(), Some("options.scale 0: from 1 to 4"));
        let error = Pixels::new(ObservationKind::Both, Some(2), (500, 200), None)
            .err()
            .unwrap_or_default();
        assert!(error.contains("153600000 bytes"), "{error}");
        assert!(Pixels::new(ObservationKind::Both, Some(1), (500, 200), None).is_ok());
        // Text only: the scale is checked, the size is not (no pixels are sent).
        assert!(Pixels::new(ObservationKind::Text, Some(4), (500, 200), None).is_ok());
        assert_eq!(pixels::picture_bytes(60, 24, 1), 480 * 384 * 3);
    }
}
