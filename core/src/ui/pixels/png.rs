//! A picture as a PNG file: the same picture always gives the same bytes (no time, no text
//! chunks, fixed compression), so a replay's pictures can be compared byte for byte.

use super::Picture;

/// The PNG of `picture` (8-bit RGB), or why it cannot be written.
pub fn encode(picture: &Picture) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, picture.width, picture.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Flat colours and repeated glyphs compress well even at the balanced level.
    encoder.set_compression(png::Compression::Balanced);
    let mut writer = encoder
        .write_header()
        .map_err(|e| format!("cannot write a PNG: {e}"))?;
    writer
        .write_image_data(&picture.rgb)
        .map_err(|e| format!("cannot write a PNG: {e}"))?;
    writer
        .finish()
        .map_err(|e| format!("cannot write a PNG: {e}"))?;
    Ok(bytes)
}

/// The picture a PNG holds (8-bit RGB only: what [`encode`] writes), for tests and for tools
/// that compare pictures.
pub fn decode(bytes: &[u8]) -> Result<Picture, String> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().map_err(|e| format!("not a PNG: {e}"))?;
    let info = reader.info();
    if (info.color_type, info.bit_depth) != (png::ColorType::Rgb, png::BitDepth::Eight) {
        return Err("not an 8-bit RGB PNG".into());
    }
    let (width, height) = (info.width, info.height);
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "the PNG is too large".to_string())?;
    let mut rgb = vec![0; size];
    reader
        .next_frame(&mut rgb)
        .map_err(|e| format!("not a PNG: {e}"))?;
    rgb.truncate((width as usize) * (height as usize) * 3);
    Ok(Picture { width, height, rgb })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_goes_through_png_unchanged_and_always_the_same() {
        let picture = Picture {
            width: 3,
            height: 2,
            rgb: (0..18).map(|n| n * 13).collect(),
        };
        let bytes = encode(&picture).expect("encodes");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(encode(&picture).expect("encodes"), bytes);
        assert_eq!(decode(&bytes).expect("decodes"), picture);
        assert!(decode(b"not a png").is_err());
    }
}
