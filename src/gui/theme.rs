//! Québec-government blues in light, and a dark variant that follows the system.

use iced::theme::{Mode, Palette};
use iced::{Color, Theme, color};

/// The dark blue of Québec's government identity, for the top band.
pub const BAND: Color = color!(0x223654);

pub fn light() -> Theme {
    Theme::custom(
        "Québec clair",
        Palette {
            background: color!(0xffffff),
            text: color!(0x223654),
            primary: color!(0x095797),
            success: color!(0x4a9c35),
            warning: color!(0xad781c),
            danger: color!(0xcb381f),
        },
    )
}

pub fn dark() -> Theme {
    Theme::custom(
        "Québec sombre",
        Palette {
            background: color!(0x16202c),
            text: color!(0xe6ebf1),
            primary: color!(0x4a98d8),
            success: color!(0x6cc24a),
            warning: color!(0xf2c94c),
            danger: color!(0xff7a66),
        },
    )
}

/// The theme for the system's light or dark preference (light when unknown).
pub fn for_mode(mode: Mode) -> Theme {
    match mode {
        Mode::Dark => dark(),
        Mode::Light | Mode::None => light(),
    }
}

/// A muted text color for hints.
pub fn muted(theme: &Theme) -> Color {
    let p = theme.palette();
    Color { a: 0.72, ..p.text }
}
