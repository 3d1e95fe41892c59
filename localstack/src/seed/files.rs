//! Small, valid demo files built in code: a one-page PDF with text, a PNG image and a CSV spreadsheet.
//! No binary is committed and nothing is downloaded; each file is a few kilobytes.

/// A one-page A4 PDF (PDF 1.4, Helvetica) with a title and lines of text. Characters outside printable
/// ASCII become `?`.
pub fn pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    fn text(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '(' | ')' | '\\' => format!("\\{c}"),
                ' '..='~' => c.to_string(),
                _ => "?".into(),
            })
            .collect()
    }
    let mut content = format!("BT\n/F1 18 Tf\n56 770 Td\n({}) Tj\n/F1 11 Tf\n0 -32 Td\n", text(title));
    for line in lines {
        content.push_str(&format!("({}) Tj\n0 -16 Td\n", text(line)));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A zlib stream of stored (uncompressed) deflate blocks: valid everywhere, no compressor needed.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![&[][..]]
    } else {
        data.chunks(65_535).collect()
    };
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// An 8-bit palette PNG of `width` × `height`: `paint(x, y)` gives each pixel's index into `palette`.
pub fn png(width: u32, height: u32, palette: &[[u8; 3]], paint: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let mut raw = Vec::with_capacity((height * (1 + width)) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.push(paint(x, y));
        }
    }
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 3, 0, 0, 0]); // 8 bits, palette, deflate, adaptive filtering, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"PLTE", &palette.concat());
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A certificate as a scan would show it: a paper-white sheet with a navy border, a title bar, lines of
/// text, a gold seal and a green tick.
pub fn certificate_png() -> Vec<u8> {
    const W: u32 = 96;
    const H: u32 = 64;
    const PALETTE: [[u8; 3]; 5] = [
        [0xfc, 0xfb, 0xf7],
        [0x1f, 0x2a, 0x5c],
        [0x80, 0x86, 0x90],
        [0xd4, 0xa0, 0x17],
        [0x1e, 0x7b, 0x34],
    ];
    let (paper, navy, grey, gold, green) = (0, 1, 2, 3, 4);
    png(W, H, &PALETTE, |x, y| {
        let (xi, yi) = (x as i32, y as i32);
        let border = x < 3 || y < 3 || x >= W - 3 || y >= H - 3;
        let seal = (xi - 74).pow(2) + (yi - 44).pow(2) <= 100;
        // The tick: a short stroke down to (72, 48), then a long one up to (80, 39).
        let tick = ((67..=72).contains(&xi) && (yi - (43 + (xi - 67))).abs() <= 1)
            || ((72..=80).contains(&xi) && (yi - (48 - (xi - 72))).abs() <= 1);
        let title = (10..=14).contains(&y) && (12..=84).contains(&x);
        let text = [22, 28, 34, 40, 46].contains(&y) && (12..=52).contains(&x) && x % 7 != 0;
        if border || title {
            navy
        } else if tick && seal {
            green
        } else if seal {
            gold
        } else if text {
            grey
        } else {
            paper
        }
    })
}

/// Rows as CSV (RFC 4180: CRLF, fields quoted when they need it).
pub fn csv(rows: &[&[&str]]) -> Vec<u8> {
    let field = |f: &str| {
        if f.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_owned()
        }
    };
    let mut out = String::new();
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn pdf_cross_reference_points_at_each_object() -> Result<(), String> {
        let doc = pdf("Service agreement (2026)", &["Line one", "Caf\u{e9} \\ back"]);
        assert!(doc.starts_with(b"%PDF-1.4\n") && doc.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&doc).into_owned();
        assert!(text.contains("(Service agreement \\(2026\\)) Tj") && text.contains("(Caf? \\\\ back) Tj"));
        let startxref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|s| s.lines().next())
            .and_then(|s| s.parse().ok())
            .ok_or("startxref")?;
        assert!(text[startxref..].starts_with("xref\n0 6\n"));
        for (i, entry) in text[startxref..].lines().skip(3).take(5).enumerate() {
            let at: usize = entry[..10].parse().map_err(|_| format!("entry {entry}"))?;
            assert!(
                text[at..].starts_with(&format!("{} 0 obj\n", i + 1)),
                "object {} at {at}",
                i + 1
            );
            assert_eq!(entry.len() + 1, 20, "xref entries are 20 bytes");
        }
        let length: usize = text
            .split("/Length ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|s| s.parse().ok())
            .ok_or("length")?;
        let start = find(&doc, b"stream\n").ok_or("stream")? + "stream\n".len();
        assert_eq!(&doc[start + length..start + length + "endstream".len()], b"endstream");
        Ok(())
    }

    #[test]
    fn png_chunks_and_pixels_check_out() -> Result<(), String> {
        let img = png(3, 2, &[[0, 0, 0], [9, 9, 9], [7, 7, 7]], |x, y| ((x + y) % 3) as u8);
        assert!(img.starts_with(b"\x89PNG\r\n\x1a\n"));
        let mut at = 8;
        let mut idat = Vec::new();
        let mut kinds = Vec::new();
        while at < img.len() {
            let len = u32::from_be_bytes(img[at..at + 4].try_into().map_err(|_| "len")?) as usize;
            let kind = &img[at + 4..at + 8];
            let crc = u32::from_be_bytes(img[at + 8 + len..at + 12 + len].try_into().map_err(|_| "crc")?);
            assert_eq!(
                crc,
                crc32(&img[at + 4..at + 8 + len]),
                "CRC of {}",
                String::from_utf8_lossy(kind)
            );
            if kind == b"IDAT" {
                idat = img[at + 8..at + 8 + len].to_vec();
            }
            kinds.push(String::from_utf8_lossy(kind).into_owned());
            at += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "PLTE", "IDAT", "IEND"]);
        // One final stored block: header, BFINAL, LEN/NLEN, the scanlines (filter byte, indices), Adler-32.
        let raw = [0, 0, 1, 2, 0, 1, 2, 0];
        assert_eq!(&idat[..3], &[0x78, 0x01, 1]);
        assert_eq!(u16::from_le_bytes([idat[3], idat[4]]), raw.len() as u16);
        assert_eq!(u16::from_le_bytes([idat[5], idat[6]]), !(raw.len() as u16));
        assert_eq!(&idat[7..7 + raw.len()], &raw);
        assert_eq!(&idat[7 + raw.len()..], &adler32(&raw).to_be_bytes());
        assert_eq!((0x78u16 << 8 | 0x01) % 31, 0, "zlib header check bits");
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the CRC-32 check value");
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398, "the Adler-32 example");
        assert!(certificate_png().len() < 8_000);
        Ok(())
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv(&[&["a", "b,c", "say \"hi\""]]), b"a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }
}
