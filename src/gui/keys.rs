//! Keyboard shortcuts. iced 0.14 does not move focus on Tab by itself, so Tab and Shift+Tab
//! are handled here too.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, overlay};
use iced::event::{self, Event};
use iced::keyboard::{self, Key, key::Code, key::Named, key::Physical};
use iced::{Element, Length, Rectangle, Size, Theme, Vector, window};

use super::Message;
use crate::settings::Zoom;

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

/// Ctrl+= (or Ctrl++, as browsers), Ctrl+- and Ctrl+0, on the main keys or the keypad; by
/// the character first, else by the key's place (a layout where these need Shift, or that has
/// no Latin letters).
pub fn zoom_key(event: &keyboard::Event) -> Option<Zoom> {
    let keyboard::Event::KeyPressed {
        key,
        modified_key,
        physical_key,
        modifiers,
        ..
    } = event
    else {
        return None;
    };
    if !modifiers.command() || modifiers.alt() {
        return None;
    }
    let by_character = |k: &Key| match k.as_ref() {
        Key::Character("=" | "+") => Some(Zoom::Larger),
        Key::Character("-") => Some(Zoom::Smaller),
        Key::Character("0") => Some(Zoom::Reset),
        _ => None,
    };
    by_character(key)
        .or_else(|| by_character(modified_key))
        .or(match physical_key {
            Physical::Code(Code::Equal | Code::NumpadAdd) => Some(Zoom::Larger),
            Physical::Code(Code::Minus | Code::NumpadSubtract) => Some(Zoom::Smaller),
            Physical::Code(Code::Digit0 | Code::Numpad0) => Some(Zoom::Reset),
            _ => None,
        })
}

/// Takes the text-size keys before any widget sees them: a text input would otherwise type
/// "=", "-" or "0" (iced inserts the character of a Ctrl combination it does not know) and the
/// size would not change. Wraps the whole window.
pub struct ZoomKeys<'a> {
    content: Element<'a, Message>,
}

pub fn zoom_keys<'a>(content: impl Into<Element<'a, Message>>) -> ZoomKeys<'a> {
    ZoomKeys {
        content: content.into(),
    }
}

impl Widget<Message, Theme, iced::Renderer> for ZoomKeys<'_> {
    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if let Event::Keyboard(key) = event
            && let Some(zoom) = zoom_key(key)
        {
            shell.publish(Message::Zoom(zoom));
            shell.capture_event();
            return;
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a> From<ZoomKeys<'a>> for Element<'a, Message> {
    fn from(z: ZoomKeys<'a>) -> Self {
        Element::new(z)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers, key};

    fn press(key: Key, modifiers: Modifiers) -> keyboard::Event {
        press_at(
            key,
            modifiers,
            key::Physical::Unidentified(key::NativeCode::Unidentified),
        )
    }

    fn press_at(key: Key, modifiers: Modifiers, physical_key: key::Physical) -> keyboard::Event {
        keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key,
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

    #[test]
    fn ctrl_plus_minus_and_zero_change_the_text_size() {
        let ch = |c: &str| Key::Character(c.into());
        let ctrl = Modifiers::CTRL;
        assert_eq!(zoom_key(&press(ch("="), ctrl)), Some(Zoom::Larger));
        assert_eq!(zoom_key(&press(ch("+"), ctrl)), Some(Zoom::Larger));
        assert_eq!(
            zoom_key(&press(ch("+"), ctrl | Modifiers::SHIFT)),
            Some(Zoom::Larger)
        );
        assert_eq!(zoom_key(&press(ch("-"), ctrl)), Some(Zoom::Smaller));
        assert_eq!(zoom_key(&press(ch("0"), ctrl)), Some(Zoom::Reset));
        // Without Ctrl they are characters to type; with Alt they are someone else's.
        assert_eq!(zoom_key(&press(ch("="), Modifiers::empty())), None);
        assert_eq!(zoom_key(&press(ch("0"), ctrl | Modifiers::ALT)), None);
        assert_eq!(zoom_key(&press(ch("s"), ctrl)), None);
        // A layout where the key gives another character: by the key's place.
        let equal = key::Physical::Code(key::Code::Equal);
        assert_eq!(
            zoom_key(&press_at(ch("é"), ctrl, equal)),
            Some(Zoom::Larger)
        );
        let pad = key::Physical::Code(key::Code::NumpadSubtract);
        assert_eq!(zoom_key(&press_at(ch("x"), ctrl, pad)), Some(Zoom::Smaller));
    }
}
