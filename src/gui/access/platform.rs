//! The platform's adapter: AT-SPI on Linux and the BSDs, UI Automation on Windows,
//! NSAccessibility on macOS.

use iced::Task;

use super::{Handlers, Sender};
use crate::gui::Message;

#[cfg(all(unix, not(target_os = "macos")))]
mod imp {
    use super::*;

    /// AT-SPI needs no window handle: the adapter registers the application on the
    /// accessibility bus and stays idle until a client listens.
    pub struct Adapter(accesskit_unix::Adapter);

    impl Adapter {
        pub fn start(sender: Sender) -> (Option<Adapter>, Task<Message>) {
            let mut adapter = accesskit_unix::Adapter::new(
                Handlers(sender.clone()),
                Handlers(sender.clone()),
                Handlers(sender),
            );
            adapter.update_window_focus_state(true);
            (Some(Adapter(adapter)), Task::none())
        }

        pub fn update(&mut self, update: impl FnOnce() -> accesskit::TreeUpdate) {
            self.0.update_if_active(update);
        }

        pub fn window_focus(&mut self, focused: bool) {
            self.0.update_window_focus_state(focused);
        }
    }

    /// AT-SPI does not need the window.
    pub fn window_opened(_id: iced::window::Id, _sender: Option<Sender>) -> Task<Message> {
        Task::none()
    }
}

#[cfg(any(windows, target_os = "macos"))]
mod imp {
    //! UI Automation and NSAccessibility answer through the window itself: the adapter
    //! subclasses it on the thread that owns it (iced's `window::run`), before it is shown —
    //! the window opens hidden and is shown once the adapter is in place. The adapter stays on
    //! that thread; the application's updates run there too.

    use std::cell::RefCell;

    use raw_window_handle::RawWindowHandle;

    use super::*;

    #[cfg(windows)]
    type Platform = accesskit_windows::SubclassingAdapter;
    #[cfg(target_os = "macos")]
    type Platform = accesskit_macos::SubclassingAdapter;

    thread_local! {
        static ADAPTER: RefCell<Option<Platform>> = const { RefCell::new(None) };
    }

    /// A handle on the adapter kept on the window's thread.
    pub struct Adapter;

    impl Adapter {
        pub fn start(sender: Sender) -> (Option<Adapter>, Task<Message>) {
            // No window yet: its Opened event does it (`window_opened`).
            let install = iced::window::oldest().then(move |id| match id {
                Some(id) => window_opened(id, Some(sender.clone())),
                None => Task::none(),
            });
            (Some(Adapter), install)
        }

        pub fn update(&mut self, update: impl FnOnce() -> accesskit::TreeUpdate) {
            ADAPTER.with_borrow_mut(|adapter| {
                if let Some(events) = adapter.as_mut().and_then(|a| a.update_if_active(update)) {
                    events.raise();
                }
            });
        }

        pub fn window_focus(&mut self, _focused: bool) {
            // The adapter follows the window's focus by itself on Windows; on macOS it is told.
            #[cfg(target_os = "macos")]
            ADAPTER.with_borrow_mut(|adapter| {
                if let Some(events) = adapter
                    .as_mut()
                    .and_then(|a| a.update_view_focus_state(_focused))
                {
                    events.raise();
                }
            });
        }
    }

    /// Puts the adapter on the window (once), then shows the window — whatever happened: a
    /// window left hidden would be far worse than one without a screen reader.
    pub fn window_opened(id: iced::window::Id, sender: Option<Sender>) -> Task<Message> {
        let install = match sender {
            Some(sender) => iced::window::run(id, move |window| {
                if ADAPTER.with_borrow(Option::is_none) {
                    install(window, sender);
                }
            })
            .discard(),
            None => Task::none(),
        };
        install.chain(iced::window::set_mode(id, iced::window::Mode::Windowed))
    }

    fn install(window: &dyn iced::window::Window, sender: Sender) {
        let Ok(handle) = window.window_handle() else {
            return;
        };
        let adapter = match handle.as_raw() {
            #[cfg(windows)]
            RawWindowHandle::Win32(h) => {
                let hwnd = windows_sys_hwnd(h.hwnd.get());
                // The adapter must come before the window is first shown (it would panic).
                if is_visible(h.hwnd.get()) {
                    return;
                }
                accesskit_windows::SubclassingAdapter::new(
                    hwnd,
                    Handlers(sender.clone()),
                    Handlers(sender),
                )
            }
            #[cfg(target_os = "macos")]
            RawWindowHandle::AppKit(h) => {
                // SAFETY: the view is the window's own, alive while the window is.
                unsafe {
                    accesskit_macos::SubclassingAdapter::new(
                        h.ns_view.as_ptr(),
                        Handlers(sender.clone()),
                        Handlers(sender),
                    )
                }
            }
            _ => return,
        };
        ADAPTER.with_borrow_mut(|a| *a = Some(adapter));
    }

    #[cfg(windows)]
    fn windows_sys_hwnd(raw: isize) -> accesskit_windows::HWND {
        accesskit_windows::HWND(raw as *mut std::ffi::c_void)
    }

    #[cfg(windows)]
    fn is_visible(raw: isize) -> bool {
        // SAFETY: a plain query on the window's own handle.
        unsafe { windows_sys::Win32::UI::WindowsAndMessaging::IsWindowVisible(raw as _) != 0 }
    }
}

pub use imp::{Adapter, window_opened};

/// Whether the window must open hidden, to be shown once the adapter is in place.
pub const OPENS_HIDDEN: bool = cfg!(any(windows, target_os = "macos"));
