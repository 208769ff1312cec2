//! Québec-government blues in light, a dark variant that follows the system, and a high-contrast
//! theme (Windows' "High Contrast Black": white on black, yellow links and focus, cyan for the
//! main action).
//!
//! Every colour a screen draws text or a focus ring with comes from here, so the test at the
//! end can check each pair against WCAG 2.2: text at least 4.5:1 on what it is drawn on, focus
//! indicators at least 3:1 against what is next to them.

use iced::theme::palette::{self, Background, Danger, Extended, Pair, Primary, Secondary};
use iced::theme::{Mode, Palette};
use iced::widget::{button, container, radio, text, text_input};
use iced::{Border, Color, Theme, color};

use crate::settings;

/// The dark blue of Québec's government identity, for the top band.
pub const BAND: Color = color!(0x223654);

const LIGHT: Palette = Palette {
    background: color!(0xffffff),
    text: color!(0x223654),
    primary: color!(0x095797),
    success: color!(0x3d7f2b),
    // Darker than the first amber (0xad781c, 3.8:1 on white): warnings are text here.
    warning: color!(0x865a00),
    danger: color!(0xcb381f),
};

const DARK: Palette = Palette {
    background: color!(0x16202c),
    text: color!(0xe6ebf1),
    primary: color!(0x4a98d8),
    success: color!(0x6cc24a),
    warning: color!(0xf2c94c),
    danger: color!(0xff7a66),
};

/// Windows' High Contrast Black: window #000, text #FFF, hyperlinks #FFFF00, selection #1AEBFF
/// with black text; errors in a light red that is not the links' yellow.
const CONTRAST: Palette = Palette {
    background: Color::BLACK,
    text: Color::WHITE,
    primary: color!(0x1aebff),
    success: color!(0x3ff23f),
    warning: color!(0xffb000),
    danger: color!(0xff8080),
};

/// Links and the focus ring in high contrast.
const CONTRAST_YELLOW: Color = color!(0xffff00);

pub fn light() -> Theme {
    Theme::custom("Québec clair", LIGHT)
}

pub fn dark() -> Theme {
    Theme::custom("Québec sombre", DARK)
}

pub fn contrast() -> Theme {
    Theme::custom_with_fn("Contraste élevé", CONTRAST, contrast_extended)
}

/// High contrast has no greys: panels stay black and are told apart by white borders.
fn contrast_extended(p: Palette) -> Extended {
    let black = Pair {
        color: Color::BLACK,
        text: Color::WHITE,
    };
    let white = Pair {
        color: Color::WHITE,
        text: Color::BLACK,
    };
    let generated = Extended::generate(p);
    Extended {
        background: Background {
            base: black,
            weakest: black,
            weaker: black,
            weak: black,
            neutral: white,
            strong: white,
            stronger: white,
            strongest: white,
        },
        primary: Primary {
            base: Pair {
                color: p.primary,
                text: Color::BLACK,
            },
            weak: Pair {
                color: palette::mix(p.primary, Color::BLACK, 0.6),
                text: Color::WHITE,
            },
            // Hovered: white, as Windows shows a hovered button in high contrast.
            strong: white,
        },
        secondary: Secondary {
            base: black,
            weak: black,
            strong: white,
        },
        danger: Danger {
            base: Pair {
                color: p.danger,
                text: Color::BLACK,
            },
            ..generated.danger
        },
        is_dark: true,
        ..generated
    }
}

/// The theme for the settings' choice, else the system's light or dark preference (light
/// when unknown).
pub fn for_choice(choice: Option<settings::Theme>, mode: Mode) -> Theme {
    match choice {
        Some(settings::Theme::Light) => light(),
        Some(settings::Theme::Dark) => dark(),
        Some(settings::Theme::Contrast) => contrast(),
        None => match mode {
            Mode::Dark => dark(),
            Mode::Light | Mode::None => light(),
        },
    }
}

fn is_contrast(theme: &Theme) -> bool {
    theme.palette() == CONTRAST
}

/// A muted text colour for hints and placeholders (≥ 4.5:1 on the page and on the help panel;
/// in high contrast a light grey, so that a placeholder does not pass for an answer).
pub fn muted(theme: &Theme) -> Color {
    let p = theme.palette();
    if is_contrast(theme) {
        return color!(0xcccccc);
    }
    Color { a: 0.78, ..p.text }
}

/// The focus ring and the focused input's border: the strong primary (yellow in high
/// contrast), ≥ 3:1 against the page.
pub fn ring(theme: &Theme) -> Color {
    if is_contrast(theme) {
        CONTRAST_YELLOW
    } else {
        theme.palette().primary
    }
}

/// The top band's background: Québec's blue, black in high contrast (with a white rule below).
pub fn band(theme: &Theme) -> Color {
    if is_contrast(theme) {
        Color::BLACK
    } else {
        BAND
    }
}

/// The focus ring on the band: white on the blue (12:1), yellow on black.
pub fn band_ring(theme: &Theme) -> Color {
    if is_contrast(theme) {
        CONTRAST_YELLOW
    } else {
        Color::WHITE
    }
}

/// The text of links (text buttons): the page's text, yellow in high contrast.
fn link_color(theme: &Theme) -> Color {
    if is_contrast(theme) {
        CONTRAST_YELLOW
    } else {
        theme.palette().text
    }
}

/// Errors as text.
pub fn danger(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().danger),
    }
}

/// Warnings as text.
pub fn warning(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().warning),
    }
}

/// Hints.
pub fn hint(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(muted(theme)),
    }
}

/// A control that does nothing now ("Recherche…", "Envoyer" before the answers are complete):
/// grey, yet its words stay readable (WCAG exempts inactive controls; people still read them).
fn disabled(theme: &Theme, style: button::Style) -> button::Style {
    let p = theme.extended_palette();
    if is_contrast(theme) {
        // Windows' "disabled text" green, framed.
        let green = theme.palette().success;
        return button::Style {
            background: Some(Color::BLACK.into()),
            text_color: green,
            border: Border {
                color: green,
                width: 1.0,
                ..style.border
            },
            ..style
        };
    }
    button::Style {
        background: Some(p.background.weak.color.into()),
        text_color: muted(theme),
        border: Border {
            color: p.background.strong.color,
            width: 1.0,
            ..style.border
        },
        ..style
    }
}

/// A hovered button's background: its colour moved away from its words, so the hover changes
/// the look without lowering the contrast (iced moves it by its own darkness, toward the words
/// half the time: 3.5:1 for the dark theme's main action).
fn hovered(pair: Pair) -> iced::Background {
    let color = if pair.text.relative_luminance() > pair.color.relative_luminance() {
        palette::darken(pair.color, 0.08)
    } else {
        palette::lighten(pair.color, 0.08)
    };
    color.into()
}

/// The main action.
pub fn primary_button(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::primary(theme, status);
    match status {
        button::Status::Disabled => disabled(theme, style),
        button::Status::Hovered if !is_contrast(theme) => button::Style {
            background: Some(hovered(theme.extended_palette().primary.base)),
            ..style
        },
        _ => style,
    }
}

/// The other actions; framed in white in high contrast, where they are black on black.
pub fn secondary_button(theme: &Theme, status: button::Status) -> button::Style {
    let mut style = button::secondary(theme, status);
    if status == button::Status::Hovered {
        let p = theme.extended_palette();
        if is_contrast(theme) {
            style.text_color = p.secondary.strong.text;
        } else {
            style.background = Some(hovered(p.secondary.base));
        }
    }
    match status {
        button::Status::Disabled => disabled(theme, style),
        _ if is_contrast(theme) => button::Style {
            border: Border {
                color: Color::WHITE,
                width: 1.0,
                ..style.border
            },
            ..style
        },
        _ => style,
    }
}

/// Links: text buttons. Hovered, iced fades them; high contrast does not fade.
pub fn link_button(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::text(theme, status);
    match status {
        button::Status::Disabled => disabled(theme, style),
        _ if is_contrast(theme) => button::Style {
            text_color: CONTRAST_YELLOW,
            ..style
        },
        button::Status::Hovered => button::Style {
            // iced's 0.8 alpha would bring the dark theme's links under 4.5:1 on the help panel.
            text_color: Color {
                a: 0.9,
                ..link_color(theme)
            },
            ..style
        },
        _ => style,
    }
}

/// A line of the error summary: a link in the error colour.
pub fn error_link(theme: &Theme, status: button::Status) -> button::Style {
    match status {
        button::Status::Disabled => link_button(theme, status),
        _ => button::Style {
            text_color: theme.palette().danger,
            ..link_button(theme, status)
        },
    }
}

/// A match under a long list's input: the highlighted one as the main action.
pub fn match_item(highlighted: bool) -> fn(&Theme, button::Status) -> button::Style {
    if highlighted {
        primary_button
    } else {
        link_button
    }
}

/// The buttons of the top band: white words, framed, whatever the theme.
pub fn band_button(theme: &Theme, status: button::Status) -> button::Style {
    let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
    let contrast = is_contrast(theme);
    button::Style {
        background: hovered.then(|| {
            if contrast {
                Color::WHITE.into()
            } else {
                Color::from_rgba(1.0, 1.0, 1.0, 0.15).into()
            }
        }),
        text_color: if hovered && contrast {
            Color::BLACK
        } else {
            Color::WHITE
        },
        border: Border {
            color: if contrast {
                Color::WHITE
            } else {
                Color::from_rgba(1.0, 1.0, 1.0, 0.6)
            },
            width: 1.0,
            radius: 4.0.into(),
        },
        ..button::Style::default()
    }
}

/// The band itself.
pub fn band_container(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(band(theme).into()),
        border: Border {
            color: if is_contrast(theme) {
                Color::WHITE
            } else {
                Color::TRANSPARENT
            },
            width: if is_contrast(theme) { 1.0 } else { 0.0 },
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

/// A text input's look, with a focus border as wide and as strong as the buttons' ring (iced's
/// own is 1 px), a placeholder as readable as a hint (iced's grey is about 2.5:1) and an edge
/// that shows where to type (iced's is 1.3:1 on white; WCAG 1.4.11 asks 3:1).
pub fn input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let style = text_input::default(theme, status);
    // The selection lies under the typed words, which keep their colour: a tint light (or
    // dark) enough for them.
    let toward_page = if is_contrast(theme) { 0.8 } else { 0.6 };
    let p = theme.palette();
    let mut style = text_input::Style {
        placeholder: muted(theme),
        selection: palette::mix(p.primary, p.background, toward_page),
        ..style
    };
    if status == text_input::Status::Active {
        style.border.color = muted(theme);
    }
    match status {
        text_input::Status::Focused { .. } => text_input::Style {
            border: Border {
                color: ring(theme),
                width: 3.0,
                ..style.border
            },
            ..style
        },
        _ => style,
    }
}

/// Radio buttons: iced's, with the ring's colour in high contrast.
pub fn radio_button(theme: &Theme, status: radio::Status) -> radio::Style {
    let style = radio::default(theme, status);
    if is_contrast(theme) {
        radio::Style {
            dot_color: Color::WHITE,
            border_color: Color::WHITE,
            background: Color::BLACK.into(),
            ..style
        }
    } else {
        style
    }
}

/// A framed note (information, or a warning): a light tint of the primary or warning colour.
pub fn note(theme: &Theme, warning: bool) -> container::Style {
    let p = theme.extended_palette();
    let (bg, border) = if warning {
        (p.warning.weak.color, p.warning.strong.color)
    } else {
        (p.primary.weak.color, p.primary.strong.color)
    };
    container::Style {
        background: Some(note_background(theme, bg).into()),
        border: Border {
            color: border,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

fn note_background(theme: &Theme, tint: Color) -> Color {
    if is_contrast(theme) {
        Color::BLACK
    } else {
        Color { a: 0.18, ..tint }
    }
}

/// The error summary's frame.
pub fn error_summary(theme: &Theme) -> container::Style {
    container::Style {
        border: Border {
            color: theme.palette().danger,
            width: 3.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// A framed card (a review section, a draft, an outbox item).
pub fn card(theme: &Theme) -> container::Style {
    container::Style {
        border: Border {
            color: theme.extended_palette().background.strong.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// The box of a long list's matches.
pub fn match_box(theme: &Theme) -> container::Style {
    let style = container::bordered_box(theme);
    if is_contrast(theme) {
        container::Style {
            border: Border {
                color: Color::WHITE,
                ..style.border
            },
            ..style
        }
    } else {
        style
    }
}

/// The help panel beside the page.
pub fn help_panel(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(p.background.weak.color.into()),
        border: Border {
            color: if is_contrast(theme) {
                Color::WHITE
            } else {
                Color::TRANSPARENT
            },
            width: if is_contrast(theme) { 1.0 } else { 0.0 },
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

#[cfg(test)]
mod tests {
    //! WCAG 2.2 contrast, computed from the styles the screens use (not from a copy of their
    //! colours): 1.4.3 text ≥ 4.5:1 on every background it is drawn on, 1.4.11 / 2.4.11 focus
    //! indicators ≥ 3:1 against what is next to them. `cargo test --lib theme -- --nocapture`
    //! prints every ratio.

    use super::*;

    /// WCAG 2.x relative luminance of an opaque sRGB colour.
    fn luminance(c: Color) -> f64 {
        let lin = |v: f32| {
            let v = f64::from(v);
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }

    fn ratio(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// A colour with alpha as it shows over an opaque one (sRGB blending, as tiny-skia does).
    fn over(top: Color, bottom: Color) -> Color {
        let mix = |t: f32, b: f32| t * top.a + b * (1.0 - top.a);
        Color::from_rgb(
            mix(top.r, bottom.r),
            mix(top.g, bottom.g),
            mix(top.b, bottom.b),
        )
    }

    fn bg(b: Option<iced::Background>, under: Color) -> Color {
        match b {
            Some(iced::Background::Color(c)) => over(c, under),
            Some(_) => panic!("gradients are not used"),
            None => under,
        }
    }

    struct Check {
        theme: &'static str,
        failures: Vec<String>,
        lowest_text: f64,
        lowest_ring: f64,
        lowest_edge: f64,
    }

    impl Check {
        fn text(&mut self, what: &str, fg: Color, on: Color) {
            self.pair(what, over(fg, on), on, 4.5);
        }

        fn ring(&mut self, what: &str, ring: Color, next_to: Color) {
            let r = self.pair(what, over(ring, next_to), next_to, 3.0);
            self.lowest_ring = self.lowest_ring.min(r);
        }

        fn edge(&mut self, what: &str, edge: Color, next_to: Color) {
            let r = self.pair(what, over(edge, next_to), next_to, 3.0);
            self.lowest_edge = self.lowest_edge.min(r);
        }

        fn pair(&mut self, what: &str, fg: Color, on: Color, min: f64) -> f64 {
            let r = ratio(fg, on);
            println!("{:<14} {r:>6.2}:1  {what}", self.theme);
            if min == 4.5 {
                self.lowest_text = self.lowest_text.min(r);
            }
            if r < min {
                self.failures
                    .push(format!("{}: {what}: {r:.2}:1 < {min}:1", self.theme));
            }
            r
        }

        fn button(
            &mut self,
            what: &str,
            style: fn(&Theme, button::Status) -> button::Style,
            theme: &Theme,
            on: Color,
        ) {
            use button::Status::*;
            for status in [Active, Hovered, Pressed, Disabled] {
                let s = style(theme, status);
                let under = bg(s.background, on);
                self.text(&format!("{what} ({status:?})"), s.text_color, under);
            }
        }
    }

    fn check(name: &'static str, theme: &Theme) -> Check {
        let mut c = Check {
            theme: name,
            failures: Vec::new(),
            lowest_text: f64::MAX,
            lowest_ring: f64::MAX,
            lowest_edge: f64::MAX,
        };
        let p = theme.palette();
        let page = p.background;
        let panel = bg(help_panel(theme).background, page);
        let matches = bg(match_box(theme).background, page);
        let band = bg(band_container(theme).background, page);
        let input_bg = |status| bg(Some(input(theme, status).background), page);
        let notes = [false, true].map(|w| (w, bg(note(theme, w).background, page)));

        // Body text, headings, labels and hints wherever they are drawn: the page (and the
        // cards on it, which have no background of their own), the help panel, the notes.
        let mut grounds = vec![("page", page), ("help panel", panel)];
        grounds.extend(notes.map(|(w, n)| (if w { "warning note" } else { "note" }, n)));
        for (where_, on) in &grounds {
            c.text(&format!("body text on the {where_}"), p.text, *on);
            c.text(&format!("hint on the {where_}"), muted(theme), *on);
        }
        // Errors and warnings show on the page only (under fields, in the summary, in cards).
        c.text("error on the page", p.danger, page);
        c.text("warning on the page", p.warning, page);
        for (where_, on) in [("page", page), ("help panel", panel)] {
            c.button(&format!("link on the {where_}"), link_button, theme, on);
            c.button(
                &format!("secondary button on the {where_}"),
                secondary_button,
                theme,
                on,
            );
            c.button(
                &format!("primary button on the {where_}"),
                primary_button,
                theme,
                on,
            );
        }
        c.button("error summary line", error_link, theme, page);
        c.button("list match", match_item(false), theme, matches);
        c.button("highlighted list match", match_item(true), theme, matches);

        // The band.
        c.text("application name on the band", Color::WHITE, band);
        c.button("band button", band_button, theme, band);

        // Text inputs: what is typed, the placeholder, the selection.
        use text_input::Status as I;
        for status in [I::Active, I::Hovered, I::Focused { is_hovered: false }] {
            let s = input(theme, status);
            let under = input_bg(status);
            c.text(&format!("typed text ({status:?})"), s.value, under);
            c.text(&format!("placeholder ({status:?})"), s.placeholder, under);
        }
        let focused = input(theme, I::Focused { is_hovered: false });
        c.text(
            "selected text",
            focused.value,
            over(
                focused.selection,
                input_bg(I::Focused { is_hovered: false }),
            ),
        );

        // Focus indicators: the ring is drawn 2 px outside the control, so what is next to it
        // is the ground the control stands on; the focused input's border has the input's
        // inside on one side and the ground on the other.
        for (where_, on) in [("page", page), ("help panel", panel)] {
            c.ring(&format!("focus ring on the {where_}"), ring(theme), on);
        }
        c.ring("focus ring on the band", band_ring(theme), band);
        c.ring(
            "focused input border, inside",
            focused.border.color,
            input_bg(I::Focused { is_hovered: false }),
        );
        c.ring("focused input border, outside", focused.border.color, page);

        // What shows where a control is (WCAG 1.4.11, 3:1 too): an input's edge, a radio's.
        for status in [I::Active, I::Hovered] {
            let edge = input(theme, status).border.color;
            c.edge(&format!("input edge ({status:?})"), edge, page);
        }
        let circle = radio_button(theme, radio::Status::Active { is_selected: true });
        c.edge("radio circle", circle.border_color, page);
        c.edge("radio dot", circle.dot_color, page);
        c
    }

    fn themes() -> [(&'static str, Theme); 3] {
        [
            ("clair", light()),
            ("sombre", dark()),
            ("contraste", contrast()),
        ]
    }

    #[test]
    fn every_text_is_at_least_4_5_to_1_and_every_focus_ring_3_to_1() {
        let mut failures = Vec::new();
        for (name, theme) in themes() {
            let c = check(name, &theme);
            println!(
                "{name}: lowest text {:.2}:1, focus {:.2}:1, control edge {:.2}:1",
                c.lowest_text, c.lowest_ring, c.lowest_edge
            );
            failures.extend(c.failures);
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_measure_is_wcag_s() {
        // The ends of the scale and two published pairs.
        assert!((ratio(Color::BLACK, Color::WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(color!(0x777777), Color::WHITE) - 4.48).abs() < 0.01);
        assert!((ratio(color!(0x767676), Color::WHITE) - 4.54).abs() < 0.01);
        // And it can fail: the first warning amber on white.
        assert!(ratio(color!(0xad781c), Color::WHITE) < 4.5);
    }

    #[test]
    fn the_settings_choose_the_theme_and_the_system_only_when_none_is_chosen() {
        let name = |t: Theme| t.to_string();
        assert_eq!(name(for_choice(None, Mode::Dark)), name(dark()));
        assert_eq!(name(for_choice(None, Mode::None)), name(light()));
        assert_eq!(
            name(for_choice(Some(settings::Theme::Contrast), Mode::Light)),
            name(contrast())
        );
        assert!(is_contrast(&contrast()) && !is_contrast(&dark()));
    }
}
