//! The bundled fonts (Noto Sans, SIL OFL 1.1, see `resources/fonts/`), their glyph widths, and
//! line wrapping with those widths.

use std::sync::OnceLock;

/// Noto Sans Regular, also used by the windowed application.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../resources/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../resources/fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance widths of one font, in font units, for the characters we can measure.
struct Metrics {
    units_per_em: f32,
    /// Widths of U+0000..U+0250 (Latin, Latin-1, Latin Extended A/B), looked up directly.
    latin: Vec<u16>,
    face: ttf_parser::Face<'static>,
    fallback: u16,
}

impl Metrics {
    fn new(bytes: &'static [u8]) -> Metrics {
        // The fonts are part of the build; a parse failure is a defect the tests catch.
        let face = ttf_parser::Face::parse(bytes, 0).expect("bundled font parses");
        let advance = |c: char| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g));
        let fallback = advance('?').unwrap_or(500);
        let latin = (0u32..0x250)
            .map(|u| char::from_u32(u).and_then(advance).unwrap_or(fallback))
            .collect();
        Metrics {
            units_per_em: f32::from(face.units_per_em()),
            latin,
            face,
            fallback,
        }
    }

    fn advance(&self, c: char) -> u16 {
        match self.latin.get(c as usize) {
            Some(w) => *w,
            None => self
                .face
                .glyph_index(c)
                .and_then(|g| self.face.glyph_hor_advance(g))
                .unwrap_or(self.fallback),
        }
    }
}

fn metrics(weight: Weight) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR.get_or_init(|| Metrics::new(REGULAR_TTF)),
        Weight::Bold => BOLD.get_or_init(|| Metrics::new(BOLD_TTF)),
    }
}

/// Whether the bundled font has a glyph for the character.
pub(crate) fn has_glyph(weight: Weight, c: char) -> bool {
    metrics(weight).face.glyph_index(c).is_some()
}

/// Width of a text in points at the given size (no kerning: the PDF writes one glyph per char).
pub(crate) fn text_width(text: &str, weight: Weight, size: f32) -> f32 {
    let m = metrics(weight);
    let units: u64 = text.chars().map(|c| u64::from(m.advance(c))).sum();
    units as f32 * size / m.units_per_em
}

/// Width of one character in points at the given size: where the next one starts. A printer
/// that draws the copy places each character so, and its lines are as long as the PDF's.
#[cfg_attr(not(windows), allow(dead_code))]
pub(crate) fn char_width(c: char, weight: Weight, size: f32) -> f32 {
    let m = metrics(weight);
    f32::from(m.advance(c)) * size / m.units_per_em
}

/// Splits a text into lines no wider than `width` points. Lines break at ordinary spaces only
/// (U+0020), so that non-breaking spaces (« guillemets », 14 h 32) hold; a word wider than a
/// whole line is cut between characters so that nothing ever overflows. Line breaks in the text
/// are kept.
pub(crate) fn wrap(text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, weight, size, width, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, weight: Weight, size: f32, width: f32, lines: &mut Vec<String>) {
    let space = text_width(" ", weight, size);
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = text_width(word, weight, size);
        if !line.is_empty() && line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line.push_str(word);
            line_width = word_width;
        } else {
            // Too long for any line (an e-mail address, a code): cut it.
            let mut pieces = split_word(word, weight, size, width);
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            line_width = text_width(&last, weight, size);
            line = last;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
}

/// Cuts a word wider than the line: after the last ':' '.' '@' '/' '_' that fits (so that
/// "AB:CD:…" and e-mail addresses break where a reader expects), else between characters. Never
/// after '-': text extractors take a hyphen at the end of a line for a word break and drop it.
///
/// Linear in the length of the word: each character's width is looked up once, and each line
/// is measured from where the previous one ended (a 200,000-character answer once took 25 s).
fn split_word(word: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let m = metrics(weight);
    let fits = |units: u64| units as f32 * size / m.units_per_em <= width;
    let chars: Vec<(char, u64)> = word.chars().map(|c| (c, u64::from(m.advance(c)))).collect();
    let mut rest_units: u64 = chars.iter().map(|(_, w)| w).sum();
    let mut pieces = Vec::new();
    let mut start = 0;
    while !fits(rest_units) && chars.len() - start > 1 {
        let rest = &chars[start..];
        // The longest prefix that fits (at least one character).
        let mut fit = 1;
        let mut units = rest[0].1;
        while fit < rest.len() && fits(units + rest[fit].1) {
            units += rest[fit].1;
            fit += 1;
        }
        let cut = rest[..fit]
            .iter()
            .rposition(|(c, _)| matches!(c, ':' | '.' | '@' | '/' | '_'))
            .map(|i| i + 1)
            .filter(|&i| i > fit / 2)
            .unwrap_or(fit);
        pieces.push(rest[..cut].iter().map(|(c, _)| c).collect());
        rest_units -= rest[..cut].iter().map(|(_, w)| w).sum::<u64>();
        start += cut;
    }
    pieces.push(chars[start..].iter().map(|(c, _)| c).collect());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_those_of_the_font() {
        // Noto Sans: 1000 units per em; "i" is narrower than "m".
        assert!(text_width("i", Weight::Regular, 10.0) < text_width("m", Weight::Regular, 10.0));
        assert!(
            text_width("Hélène", Weight::Bold, 10.0) > text_width("Hélène", Weight::Regular, 10.0)
        );
        let w = text_width("abc", Weight::Regular, 20.0);
        assert!((w - 2.0 * text_width("abc", Weight::Regular, 10.0)).abs() < 0.01);
    }

    #[test]
    fn a_text_is_as_wide_as_its_characters() {
        let text = "Hélène Côté — 418 839-2002";
        let sum: f32 = text.chars().map(|c| char_width(c, Weight::Bold, 9.5)).sum();
        assert!((sum - text_width(text, Weight::Bold, 9.5)).abs() < 0.001);
    }

    #[test]
    fn every_french_character_has_a_glyph() {
        for c in "éèàçêëîïôùûüÿœæÉÈÀÇŒ«»’—–º°€\u{a0}\u{202f}".chars()
        {
            assert!(has_glyph(Weight::Regular, c), "{c}");
            assert!(has_glyph(Weight::Bold, c), "{c}");
        }
    }

    #[test]
    fn lines_never_exceed_the_width_and_keep_every_word() {
        let text = "Technicienne en administration et responsable des « droits d'accès » \
                    au Bureau municipal, poste 4133, de 8 h 30 à 16 h 30";
        for width in [40.0, 80.0, 150.0, 300.0] {
            let lines = wrap(text, Weight::Regular, 10.0, width);
            for l in &lines {
                assert!(text_width(l, Weight::Regular, 10.0) <= width + 0.01, "{l}");
            }
            let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
            let original: Vec<&str> = text.split(' ').collect();
            if width >= 150.0 {
                assert_eq!(rejoined, original);
            }
        }
    }

    #[test]
    fn non_breaking_spaces_hold() {
        let text = "reçue à 14\u{a0}h\u{a0}32 « texte\u{a0}»";
        let lines = wrap(text, Weight::Regular, 10.0, 60.0);
        assert!(
            lines.iter().any(|l| l.contains("14\u{a0}h\u{a0}32")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_not_overflowed() {
        let email = "genevieve.cote.technicienne.administration@ville.levis.qc.ca";
        let lines = wrap(email, Weight::Regular, 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), email);
        for l in &lines {
            assert!(text_width(l, Weight::Regular, 10.0) <= 100.0);
        }
    }

    #[test]
    fn fingerprints_break_after_a_colon() {
        let fp = "4A:19:F0:97:8A:69:8C:28:80:71:E2:E2:FE:52:80:33:D1:E9:79:04:8C:32:DC:54";
        let lines = wrap(fp, Weight::Bold, 10.0, 150.0);
        assert!(lines.len() > 1);
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(':'), "{lines:?}");
        }
        assert_eq!(lines.concat(), fp);
    }

    #[test]
    fn a_very_long_word_is_cut_into_full_lines_that_keep_every_character() {
        let word = "x".repeat(20_000);
        let lines = wrap(&word, Weight::Regular, 10.0, 100.0);
        assert_eq!(lines.concat(), word);
        let per_line = lines[0].chars().count();
        assert!(per_line > 1);
        // Every line but the last is full: one more character would not fit.
        for l in &lines[..lines.len() - 1] {
            assert_eq!(l.chars().count(), per_line);
            assert!(text_width(&format!("{l}x"), Weight::Regular, 10.0) > 100.0);
        }
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", Weight::Regular, 10.0, 100.0), vec![String::new()]);
    }
}
