//! Keyboard shortcuts. iced 0.14 does not move focus on Tab by itself, so Tab and Shift+Tab
//! are handled here too.

use iced::event::{self, Event};
use iced::keyboard::{self, Key, key::Named};
use iced::window;

use super::Message;

/// Escape and Alt+Left work even from a text input (which takes Escape to drop its focus and
/// arrows to move its cursor); other keys count only when no widget used them.
pub fn on_event(event: Event, status: event::Status, _window: window::Id) -> Option<Message> {
    let Event::Keyboard(event) = event else {
        return None;
    };
    if let keyboard::Event::KeyPressed { key, modifiers, .. } = &event {
        match key.as_ref() {
            Key::Named(Named::Escape) => return Some(Message::Escape),
            Key::Named(Named::ArrowLeft) if modifiers.alt() => return Some(Message::Back),
            _ => {}
        }
    }
    match status {
        event::Status::Ignored => shortcut(event),
        event::Status::Captured => None,
    }
}

pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    match key.as_ref() {
        Key::Named(Named::Tab) if modifiers.shift() => Some(Message::FocusPrevious),
        Key::Named(Named::Tab) => Some(Message::FocusNext),
        Key::Named(Named::Escape) => Some(Message::Escape),
        Key::Named(Named::ArrowDown) => Some(Message::PickerMove(1)),
        Key::Named(Named::ArrowUp) => Some(Message::PickerMove(-1)),
        Key::Named(Named::ArrowLeft) if modifiers.alt() => Some(Message::Back),
        Key::Named(Named::Enter) => Some(Message::Continue),
        Key::Named(Named::F1) => Some(Message::ToggleHelp),
        Key::Character("s") if modifiers.command() => {
            Some(super::drafts_msg(super::DraftMessage::SaveNow))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers, key};

    fn press(key: Key, modifiers: Modifiers) -> keyboard::Event {
        keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: key::Physical::Unidentified(key::NativeCode::Unidentified),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat: false,
        }
    }

    #[test]
    fn tab_moves_focus_both_ways() {
        let tab = Key::Named(Named::Tab);
        assert!(matches!(
            shortcut(press(tab.clone(), Modifiers::empty())),
            Some(Message::FocusNext)
        ));
        assert!(matches!(
            shortcut(press(tab, Modifiers::SHIFT)),
            Some(Message::FocusPrevious)
        ));
    }

    #[test]
    fn escape_counts_even_when_an_input_took_it() {
        let esc = Event::Keyboard(press(Key::Named(Named::Escape), Modifiers::empty()));
        let id = window::Id::unique();
        assert!(matches!(
            on_event(esc, event::Status::Captured, id),
            Some(Message::Escape)
        ));
        let enter = Event::Keyboard(press(Key::Named(Named::Enter), Modifiers::empty()));
        assert!(on_event(enter.clone(), event::Status::Captured, id).is_none());
        let alt_left = Event::Keyboard(press(Key::Named(Named::ArrowLeft), Modifiers::ALT));
        assert!(matches!(
            on_event(alt_left, event::Status::Captured, id),
            Some(Message::Back)
        ));
        assert!(matches!(
            on_event(enter, event::Status::Ignored, id),
            Some(Message::Continue)
        ));
    }

    #[test]
    fn alt_left_is_back_and_escape_closes() {
        let left = Key::Named(Named::ArrowLeft);
        assert!(matches!(
            shortcut(press(left.clone(), Modifiers::ALT)),
            Some(Message::Back)
        ));
        assert!(shortcut(press(left, Modifiers::empty())).is_none());
        assert!(matches!(
            shortcut(press(Key::Named(Named::Escape), Modifiers::empty())),
            Some(Message::Escape)
        ));
    }
}
