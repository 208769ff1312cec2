//! The window icon, drawn in code so no image decoder is needed: a Québec-blue rounded
//! square holding a white check mark (a designation confirmed).

use iced::window::icon::{self, Icon};

const SIZE: u32 = 64;

pub fn window_icon() -> Option<Icon> {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let pixel = if !inside_rounded_square(fx, fy) {
                [0, 0, 0, 0]
            } else if on_check_mark(fx, fy) {
                [255, 255, 255, 255]
            } else {
                [0x09, 0x57, 0x97, 255]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    icon::from_rgba(rgba, SIZE, SIZE).ok()
}

fn inside_rounded_square(x: f32, y: f32) -> bool {
    let r = 12.0;
    let s = SIZE as f32;
    let cx = x.clamp(r, s - r);
    let cy = y.clamp(r, s - r);
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r
}

fn on_check_mark(x: f32, y: f32) -> bool {
    near_segment((x, y), (16.0, 33.0), (27.0, 45.0))
        || near_segment((x, y), (27.0, 45.0), (48.0, 20.0))
}

fn near_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    let (qx, qy) = (a.0 + t * dx, a.1 + t * dy);
    (p.0 - qx).powi(2) + (p.1 - qy).powi(2) <= 4.5 * 4.5
}
