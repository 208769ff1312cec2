//! The X side of the window benchmark: which window the application maps, its pixels as the X
//! server holds them, and keys, wheel and pointer through XTest (as a keyboard would send them,
//! with no xdotool process in between).

use std::cell::Cell;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    ChangeWindowAttributesAux, ConnectionExt as _, EventMask, ImageFormat, InputFocus, Window,
};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

/// A change counts as the application's answer when it spans at least this many pixel columns:
/// the caret's blink changes one or two.
const MIN_CHANGED_COLUMNS: usize = 4;
/// Room kept above and below the rows a keystroke changed.
const BAND_MARGIN: u16 = 12;

pub struct Screen {
    conn: RustConnection,
    root: Window,
    window: Cell<Window>,
    min_keycode: u8,
    per_keycode: usize,
    keysyms: Vec<u32>,
}

/// Rows of the window, across its whole width.
#[derive(Debug, Clone, Copy)]
pub struct Band {
    pub y: i16,
    pub width: u16,
    pub height: u16,
}

impl Band {
    pub fn across((width, _): (u16, u16), y: i16, height: u16) -> Band {
        Band { y, width, height }
    }

    pub fn whole((width, height): (u16, u16)) -> Band {
        Band {
            y: 0,
            width,
            height,
        }
    }
}

/// What watching the window found, in time since the launch.
pub struct Watch {
    pub first_content: Option<Duration>,
    pub last_change: Duration,
}

impl Screen {
    pub fn connect(display: &str) -> Screen {
        let (conn, n) = x11rb::connect(Some(display)).expect("connect to Xvfb");
        let root = conn.setup().roots[n].root;
        conn.change_window_attributes(
            root,
            &ChangeWindowAttributesAux::new().event_mask(EventMask::SUBSTRUCTURE_NOTIFY),
        )
        .expect("watch the root window")
        .check()
        .expect("watch the root window");
        conn.xtest_get_version(2, 2)
            .expect("XTest")
            .reply()
            .expect("the X server has XTest");
        let (min, max) = (conn.setup().min_keycode, conn.setup().max_keycode);
        let map = conn
            .get_keyboard_mapping(min, max - min + 1)
            .expect("keyboard mapping")
            .reply()
            .expect("keyboard mapping");
        Screen {
            root,
            window: Cell::new(0),
            min_keycode: min,
            per_keycode: usize::from(map.keysyms_per_keycode),
            keysyms: map.keysyms,
            conn,
        }
    }

    pub fn window(&self) -> Window {
        self.window.get()
    }

    /// Gives the window the keyboard (there is no window manager to do it).
    pub fn focus(&self, window: Window) {
        self.conn
            .set_input_focus(InputFocus::PARENT, window, x11rb::CURRENT_TIME)
            .expect("set_input_focus")
            .check()
            .expect("set_input_focus");
    }

    /// The first window at least `min` in size mapped on the screen. A browser maps small
    /// helper windows (10×10, 1×1) besides its own, so it asks for about the size it was given.
    pub fn wait_for_map(&self, timeout: Duration, min: (u16, u16)) -> Option<Window> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            match self.conn.poll_for_event().expect("X events") {
                Some(Event::MapNotify(e)) if !e.override_redirect => {
                    let big = self
                        .size_of(e.window)
                        .is_some_and(|(w, h)| w >= min.0 && h >= min.1);
                    if big {
                        self.window.set(e.window);
                        return Some(e.window);
                    }
                }
                Some(_) => {}
                None => std::thread::sleep(Duration::from_micros(200)),
            }
        }
        None
    }

    fn size_of(&self, window: Window) -> Option<(u16, u16)> {
        let g = self.conn.get_geometry(window).ok()?.reply().ok()?;
        Some((g.width, g.height))
    }

    pub fn size(&self, window: Window) -> (u16, u16) {
        self.size_of(window).expect("the window's size")
    }

    fn image(&self, window: Window, band: Band) -> Vec<u8> {
        self.conn
            .get_image(
                ImageFormat::Z_PIXMAP,
                window,
                0,
                band.y,
                band.width,
                band.height,
                !0,
            )
            .expect("get_image")
            .reply()
            .map(|r| r.data)
            .unwrap_or_default()
    }

    /// Watches the whole window until nothing changed for `quiet` (or `max` passed). A blinking
    /// caret is not a change: a page that opens with a field focused (the web form's
    /// `autofocus`, a step's first field) would otherwise never settle.
    pub fn watch(&self, window: Window, since: Instant, quiet: Duration, max: Duration) -> Watch {
        let band = Band::whole(self.size(window));
        let width = usize::from(band.width);
        let mut last = Vec::new();
        let mut watch = Watch {
            first_content: None,
            last_change: since.elapsed(),
        };
        loop {
            let image = self.image(window, band);
            let now = since.elapsed();
            if image != last {
                let shown = watch.first_content.is_none() && has_content(&image);
                if shown || changed_columns(&last, &image, width) >= MIN_CHANGED_COLUMNS {
                    watch.last_change = now;
                }
                if shown {
                    watch.first_content = Some(now);
                }
                last = image;
            }
            if now - watch.last_change >= quiet || now >= max {
                return watch;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits until nothing changes in the window for `quiet`.
    pub fn settle(&self, window: Window, quiet: Duration) {
        self.watch(window, Instant::now(), quiet, Duration::from_secs(10));
    }

    /// Does `act`, then finds the rows of the window it changed.
    pub fn find_band(&self, window: Window, act: impl FnOnce()) -> Band {
        let before = self.snapshot(window);
        act();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Some(band) = self.band_since(window, &before) {
                return band;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        panic!("the first keystroke changed nothing on screen within 3 s");
    }

    /// The whole window's pixels, for [`Screen::band_since`].
    pub fn snapshot(&self, window: Window) -> Vec<u8> {
        self.image(window, Band::whole(self.size(window)))
    }

    /// The rows of the window that changed since `before` (with a margin), if the change spans
    /// more columns than a caret.
    pub fn band_since(&self, window: Window, before: &[u8]) -> Option<Band> {
        let (width, height) = self.size(window);
        let after = self.image(window, Band::whole((width, height)));
        let (top, bottom) = changed_rows(before, &after, usize::from(width))?;
        let y = top.saturating_sub(BAND_MARGIN);
        let end = (bottom + BAND_MARGIN).min(height);
        Some(Band {
            y: y as i16,
            width,
            height: end - y,
        })
    }

    /// The time from `act` to the first change of the band that spans several columns.
    pub fn time_answer(&self, window: Window, band: Band, act: impl FnOnce()) -> Option<Duration> {
        let before = self.image(window, band);
        let start = Instant::now();
        act();
        while start.elapsed() < Duration::from_secs(2) {
            let after = self.image(window, band);
            if changed_columns(&before, &after, usize::from(band.width)) >= MIN_CHANGED_COLUMNS {
                return Some(start.elapsed());
            }
        }
        None
    }

    fn keycode(&self, keysym: u32) -> u8 {
        let at = self
            .keysyms
            .chunks(self.per_keycode)
            .position(|syms| syms.first() == Some(&keysym))
            .unwrap_or_else(|| panic!("no key for keysym {keysym:#x}"));
        self.min_keycode + at as u8
    }

    /// Presses and releases a key: a letter or digit, or Return, Tab, BackSpace.
    pub fn key(&self, name: &str) {
        let keysym = match name {
            "Return" => 0xff0d,
            "Tab" => 0xff09,
            "BackSpace" => 0xff08,
            one if one.chars().count() == 1 => u32::from(one.chars().next().unwrap()),
            other => panic!("unknown key {other}"),
        };
        let code = self.keycode(keysym);
        for kind in [2u8, 3] {
            // KeyPress, KeyRelease
            self.conn
                .xtest_fake_input(kind, code, 0, self.root, 0, 0, 0)
                .expect("xtest key");
        }
        self.conn.flush().expect("flush");
    }

    /// One notch of the wheel, down or up, where the pointer is.
    pub fn wheel(&self, down: bool) {
        let button = if down { 5 } else { 4 };
        for kind in [4u8, 5] {
            // ButtonPress, ButtonRelease
            self.conn
                .xtest_fake_input(kind, button, 0, self.root, 0, 0, 0)
                .expect("xtest wheel");
        }
        self.conn.flush().expect("flush");
    }

    /// Moves the pointer to a point of the window.
    pub fn pointer_to(&self, window: Window, x: i16, y: i16) {
        let at = self
            .conn
            .translate_coordinates(window, self.root, x, y)
            .expect("translate")
            .reply()
            .expect("translate");
        self.conn
            .xtest_fake_input(6, 0, 0, self.root, at.dst_x, at.dst_y, 0)
            .expect("xtest motion");
        self.conn.flush().expect("flush");
    }
}

/// Whether an image shows something: text and controls bring many colours, a blank or cleared
/// window one or two.
fn has_content(image: &[u8]) -> bool {
    let mut seen = std::collections::HashSet::new();
    for px in image.chunks_exact(4).step_by(7) {
        seen.insert([px[0], px[1], px[2]]);
        if seen.len() >= 8 {
            return true;
        }
    }
    false
}

fn changed_columns(before: &[u8], after: &[u8], width: usize) -> usize {
    if before.len() != after.len() || before.is_empty() || width == 0 {
        return 0;
    }
    let mut columns = vec![false; width];
    for (i, (a, b)) in before
        .chunks_exact(4)
        .zip(after.chunks_exact(4))
        .enumerate()
    {
        if a[..3] != b[..3] {
            columns[i % width] = true;
        }
    }
    columns.iter().filter(|&&c| c).count()
}

/// The first and last rows that differ, when the change spans several columns.
fn changed_rows(before: &[u8], after: &[u8], width: usize) -> Option<(u16, u16)> {
    if changed_columns(before, after, width) < MIN_CHANGED_COLUMNS {
        return None;
    }
    let row_bytes = width * 4;
    let rows: Vec<usize> = (0..before.len() / row_bytes)
        .filter(|r| {
            before[r * row_bytes..(r + 1) * row_bytes] != after[r * row_bytes..(r + 1) * row_bytes]
        })
        .collect();
    Some((*rows.first()? as u16, *rows.last()? as u16 + 1))
}
