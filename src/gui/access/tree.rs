//! The accessibility tree of the window: what is on screen (describe.rs) given the meaning the
//! application knows — each field's label, hint, value, required and invalid states and error
//! messages, each picker's options, the window's title by screen — and what assistive
//! technology may do to each node, as the messages the keyboard would send.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use accesskit::{
    Action, HasPopup, Invalid, Live, Node, NodeId, Rect, Role, TreeId, TreeInfo, TreeUpdate,
};
use iced::Rectangle;
use iced::advanced::widget::Id;

use super::describe::{Item, Mark, Snapshot};
use crate::designation::{Field, Severity};
use crate::gui::{App, DraftMessage, Message, drafts_msg, picker};

/// How a node's focus is given: by the widget's id, or by its place among focusable widgets.
#[derive(Debug, Clone, PartialEq)]
pub enum FocusBy {
    Id(Id),
    Nth(usize),
}

/// What a text input's new value becomes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SetValue {
    Field(Field),
    Endpoint,
    Token,
    Filter,
    /// The organisation certificate's password, asked before a copy is signed.
    CertificatePassword,
}

impl SetValue {
    pub fn message(self, value: String) -> Message {
        match self {
            SetValue::Field(field) if picker::is_picker(field) => {
                Message::PickerInput(field, value)
            }
            SetValue::Field(field) => Message::Edit(field, value),
            SetValue::Endpoint => Message::SettingsEndpoint(value),
            SetValue::Token => Message::SettingsToken(value),
            SetValue::Filter => drafts_msg(DraftMessage::Filter(value)),
            SetValue::CertificatePassword => {
                crate::gui::pdf_msg(crate::gui::PdfMessage::Password(value))
            }
        }
    }
}

/// What the actions of assistive technology on a node do.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub click: Option<Message>,
    pub focus: Option<FocusBy>,
    pub set_value: Option<SetValue>,
}

/// The tree, and what each node's actions do.
pub struct Built {
    pub update: TreeUpdate,
    pub targets: HashMap<NodeId, Target>,
}

pub const ROOT: NodeId = NodeId(1);

/// The window's title, which names the screen: "Accès PIQM — Étape 2 sur 5 — Organisme".
pub fn window_title(app: &App) -> String {
    let l = &app.l;
    let screen = match &app.screen {
        crate::gui::Screen::Home => l.t("home-drafts"),
        crate::gui::Screen::Settings => l.t("settings-title"),
        crate::gui::Screen::Outbox => l.t("outbox-title"),
        crate::gui::Screen::Wizard(w) => {
            let step = w.step();
            match step.number() {
                Some(number) => l.t_args(
                    "step-progress",
                    &[
                        ("number", number.into()),
                        ("count", crate::designation::STEP_COUNT.into()),
                        ("title", l.t(step.title_id()).into()),
                    ],
                ),
                None => l.t(step.title_id()),
            }
        }
    };
    format!("{} — {screen}", l.t("app-name"))
}

/// One node being filled, with the index of its parent among the open ones.
struct Open {
    id: NodeId,
    node: Node,
    children: Vec<NodeId>,
    mark: Option<Mark>,
    /// The words inside, for a node named by its content (heading, alert, status).
    words: Vec<String>,
}

struct Builder<'a> {
    app: &'a App,
    scale: f32,
    done: Vec<(NodeId, Node)>,
    open: Vec<Open>,
    keys: HashMap<String, usize>,
    targets: HashMap<NodeId, Target>,
    focus: NodeId,
    /// The texts of the label block just read, and their nodes: the next input's name and
    /// description.
    label: Option<(Field, Vec<(NodeId, String)>)>,
    /// For each mark open, whether it opened a node (a label block does not).
    marks: Vec<bool>,
}

/// A node id that stays the same from one update to the next for the same thing on screen.
fn node_id(key: &str) -> NodeId {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    // 0 and 1 are not used: 1 is the window.
    NodeId(h.finish() | 2)
}

impl<'a> Builder<'a> {
    fn id(&mut self, key: String) -> NodeId {
        let n = self.keys.entry(key.clone()).or_insert(0);
        *n += 1;
        node_id(&format!("{key}#{n}"))
    }

    fn rect(&self, b: Rectangle) -> Rect {
        let s = f64::from(self.scale);
        Rect {
            x0: f64::from(b.x) * s,
            y0: f64::from(b.y) * s,
            x1: f64::from(b.x + b.width) * s,
            y1: f64::from(b.y + b.height) * s,
        }
    }

    /// Inside an alert or a status line the whole is announced, not each part.
    fn quiet(&self) -> bool {
        self.open
            .iter()
            .any(|o| matches!(o.mark, Some(Mark::Alert | Mark::Status)))
    }

    fn add(&mut self, id: NodeId, mut node: Node) {
        if self.quiet() {
            node.set_live(Live::Off);
        }
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(id);
        }
        self.done.push((id, node));
    }

    fn push_words(&mut self, text: &str) {
        for o in self.open.iter_mut() {
            if o.mark.is_some_and(named_by_content) {
                o.words.push(text.to_string());
            }
        }
    }

    fn open_mark(&mut self, mark: Mark) {
        let (role, key) = match mark {
            Mark::Heading(level) => (Role::Heading, format!("heading{level}")),
            Mark::Alert => (Role::Alert, "alert".into()),
            Mark::Status => (Role::Status, "status".into()),
            Mark::Note => (Role::Note, "note".into()),
            Mark::Section => (Role::ListItem, "section".into()),
            Mark::List => (Role::List, "list".into()),
            Mark::Banner => (Role::Banner, "banner".into()),
            Mark::FieldLabel(field) => {
                self.label = Some((field, Vec::new()));
                self.marks.push(false);
                return;
            }
            Mark::Skip => {
                self.marks.push(false);
                return;
            }
        };
        self.marks.push(true);
        let id = self.id(key);
        let mut node = Node::new(role);
        match mark {
            Mark::Heading(level) => node.set_level(usize::from(level)),
            Mark::Alert => node.set_live(Live::Assertive),
            Mark::Status => node.set_live(Live::Polite),
            Mark::Banner => node.set_label(self.app.l.t("app-name")),
            _ => {}
        }
        self.open.push(Open {
            id,
            node,
            children: Vec::new(),
            mark: Some(mark),
            words: Vec::new(),
        });
    }

    fn close(&mut self) {
        // A field's label block opens no node.
        if !self.marks.pop().unwrap_or(false) || self.open.len() < 2 {
            return;
        }
        let Some(open) = self.open.pop() else { return };
        let Open {
            id,
            mut node,
            children,
            mark,
            words,
        } = open;
        if mark.is_some_and(named_by_content) && !words.is_empty() {
            node.set_label(words.join(" — "));
        }
        if mark == Some(Mark::Section)
            && let Some(first) = words.first()
        {
            node.set_label(first.clone());
        }
        node.set_children(children);
        self.add(id, node);
    }

    fn text(&mut self, text: &str, bounds: Rectangle) {
        // A heading or a status line is its words: no second node to read them again.
        if self
            .open
            .last()
            .is_some_and(|o| matches!(o.mark, Some(Mark::Heading(_) | Mark::Status)))
        {
            self.push_words(text);
            let rect = self.rect(bounds);
            if let Some(o) = self.open.last_mut() {
                o.node.set_bounds(rect);
            }
            return;
        }
        let id = self.id(format!("text:{text}"));
        let mut node = Node::new(Role::Label);
        node.set_value(text.to_string());
        node.set_bounds(self.rect(bounds));
        if let Some((_, texts)) = &mut self.label {
            texts.push((id, text.to_string()));
        }
        self.push_words(text);
        self.add(id, node);
    }

    fn control(
        &mut self,
        widget: Option<&Id>,
        bounds: Rectangle,
        focused: bool,
        press: Option<&Message>,
        words: &[String],
        order: usize,
    ) {
        let label = words.join(" ");
        let id = match widget {
            Some(w) => self.id(format!("control:{w:?}")),
            None => self.id(format!("control:{label}")),
        };
        let mut node = Node::new(Role::Button);
        node.set_label(label.clone());
        node.set_bounds(self.rect(bounds));
        node.add_action(Action::Focus);
        match press {
            Some(_) => node.add_action(Action::Click),
            None => node.set_disabled(),
        }
        self.push_words(&label);
        self.targets.insert(
            id,
            Target {
                click: press.cloned(),
                focus: Some(match widget {
                    Some(w) => FocusBy::Id(w.clone()),
                    None => FocusBy::Nth(order),
                }),
                set_value: None,
            },
        );
        if focused {
            self.focus = id;
        }
        self.add(id, node);
    }

    fn input(&mut self, widget: Option<&Id>, bounds: Rectangle, focused: bool) {
        let Some(widget) = widget else { return };
        let Some(kind) = input_kind(widget) else {
            return;
        };
        let id = self.id(format!("input:{widget:?}"));
        let described = self
            .label
            .take()
            .filter(|(f, _)| SetValue::Field(*f) == kind);
        let (role, label, value) = self.input_meaning(kind);
        let mut node = Node::new(role);
        node.set_bounds(self.rect(bounds));
        node.add_action(Action::Focus);
        node.add_action(Action::SetValue);
        match described {
            Some((_, texts)) => {
                let mut texts = texts.into_iter();
                match texts.next() {
                    Some((_, first)) => node.set_label(first),
                    None => node.set_label(label),
                }
                let rest: Vec<_> = texts.collect();
                if !rest.is_empty() {
                    node.set_described_by(rest.iter().map(|(id, _)| *id).collect::<Vec<_>>());
                    node.set_description(
                        rest.iter()
                            .map(|(_, t)| t.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
                if let SetValue::Field(field) = kind {
                    self.field_states(&mut node, field, &rest);
                }
            }
            None => node.set_label(label),
        }
        if matches!(kind, SetValue::Token | SetValue::CertificatePassword) {
            // The token is a secret: a screen reader says how long it is, not what it is.
            node.set_value("•".repeat(value.chars().count()));
        } else {
            node.set_value(value.clone());
        }
        // A text run, so the field offers AT-SPI's Text and EditableText interfaces.
        let run = self.id(format!("run:{widget:?}"));
        let mut text = Node::new(Role::TextRun);
        let shown = if matches!(kind, SetValue::Token | SetValue::CertificatePassword) {
            "•".repeat(value.chars().count())
        } else {
            value
        };
        text.set_character_lengths(
            shown
                .chars()
                .map(|c| c.len_utf8() as u8)
                .collect::<Vec<_>>(),
        );
        text.set_value(shown);
        text.set_bounds(self.rect(bounds));
        node.set_children(vec![run]);
        self.done.push((run, text));
        self.targets.insert(
            id,
            Target {
                click: None,
                focus: Some(FocusBy::Id(widget.clone())),
                set_value: Some(kind),
            },
        );
        if focused {
            self.focus = id;
        }
        let options = match kind {
            SetValue::Field(field) if picker::is_picker(field) => self.options(field, &mut node),
            _ => None,
        };
        self.add(id, node);
        if let Some((list, list_node)) = options {
            self.add(list, list_node);
        }
    }

    /// Required, invalid and its error message, by the core's rules and the last Continuer.
    fn field_states(&mut self, node: &mut Node, field: Field, texts: &[(NodeId, String)]) {
        let Some(w) = self.app.wizard() else { return };
        if !field.is_optional(w.draft()) {
            node.set_required();
        }
        let errors: Vec<String> = crate::gui::widgets::field_messages(self.app, field)
            .into_iter()
            .filter(|(s, _)| *s == Severity::Error)
            .map(|(_, m)| m)
            .collect();
        if !errors.is_empty() {
            node.set_invalid(Invalid::True);
            if let Some((id, _)) = texts.iter().find(|(_, t)| errors.contains(t)) {
                node.set_error_message(*id);
            }
        }
    }

    /// A picker's options: every choice of a short list, the matches of a long one being
    /// typed into. The highlighted one is the combo box's active descendant.
    fn options(&mut self, field: Field, combo: &mut Node) -> Option<(NodeId, Node)> {
        let app = self.app;
        let w = app.wizard()?;
        let d = w.draft();
        let open = app.picker.as_ref().filter(|p| p.field == field);
        let choices = match open {
            Some(p) => {
                let mut found = app.picker_matches(field, &p.query);
                // A long list shows its first matches; a short one shows every match.
                if !picker::is_short(field) {
                    found.truncate(picker::MAX_SHOWN);
                }
                found
            }
            None if picker::is_short(field) => picker::choices(field, d, app.refs, &app.l),
            None => Vec::new(),
        };
        combo.set_has_popup(HasPopup::Listbox);
        combo.set_expanded(!choices.is_empty());
        if choices.is_empty() {
            return None;
        }
        let current = field.get(d);
        let list = self.id(format!("options:{}", field.path()));
        let mut list_node = Node::new(Role::ListBox);
        list_node.set_label(app.l.t(field.label_id()));
        let mut children = Vec::new();
        for (i, choice) in choices.into_iter().enumerate() {
            let id = self.id(format!("option:{}:{}", field.path(), choice.code));
            let mut option = Node::new(Role::ListBoxOption);
            option.set_label(choice.label);
            option.set_selected(choice.code == current);
            option.add_action(Action::Click);
            option.set_position_in_set(i);
            if open.is_some_and(|p| p.highlight == i) {
                combo.set_active_descendant(id);
            }
            self.targets.insert(
                id,
                Target {
                    click: Some(Message::PickerChoose(field, choice.code)),
                    focus: None,
                    set_value: None,
                },
            );
            self.done.push((id, option));
            children.push(id);
        }
        list_node.set_children(children.clone());
        combo.set_controls(vec![list]);
        Some((list, list_node))
    }

    /// The role, name and value of a text input.
    fn input_meaning(&self, kind: SetValue) -> (Role, String, String) {
        let app = self.app;
        let l = &app.l;
        match kind {
            SetValue::Field(field) => {
                let draft = app.wizard().map(|w| w.draft());
                let value = match (app.picker.as_ref().filter(|p| p.field == field), draft) {
                    (Some(p), _) => p.query.clone(),
                    (None, Some(d)) if picker::is_picker(field) => {
                        picker::current_label(field, d, app.refs, l)
                    }
                    (None, Some(d)) => field.get(d),
                    (None, None) => String::new(),
                };
                let role = if picker::is_picker(field) {
                    Role::EditableComboBox
                } else if field == Field::RequesterEmail {
                    Role::EmailInput
                } else {
                    Role::TextInput
                };
                (role, l.t(field.label_id()), value)
            }
            SetValue::Endpoint => (
                Role::UrlInput,
                l.t("settings-endpoint"),
                app.sending.form.endpoint.clone(),
            ),
            SetValue::Token => (
                Role::PasswordInput,
                l.t("settings-token"),
                app.sending.form.token.clone(),
            ),
            SetValue::Filter => (
                Role::SearchInput,
                l.t("home-filter"),
                app.drafts.filter.clone(),
            ),
            SetValue::CertificatePassword => (
                Role::PasswordInput,
                l.t("pdf-password-label"),
                app.pdf.password.clone(),
            ),
        }
    }
}

fn named_by_content(mark: Mark) -> bool {
    matches!(
        mark,
        Mark::Heading(_) | Mark::Alert | Mark::Status | Mark::Section
    )
}

/// Which text input a widget id is, and so what its value sets.
fn input_kind(id: &Id) -> Option<SetValue> {
    if let Some(field) = Field::ALL.into_iter().find(|f| *id == Id::new(f.path())) {
        return Some(SetValue::Field(field));
    }
    [
        ("settings.endpoint", SetValue::Endpoint),
        ("settings.token", SetValue::Token),
        ("drafts-filter", SetValue::Filter),
        ("p12_password", SetValue::CertificatePassword),
    ]
    .into_iter()
    .find(|(name, _)| *id == Id::new(name))
    .map(|(_, kind)| kind)
}

/// The whole tree for what is on screen.
pub fn build(app: &App, snapshot: &Snapshot) -> Built {
    let mut b = Builder {
        app,
        scale: app.scale_factor(),
        done: Vec::new(),
        open: Vec::new(),
        keys: HashMap::new(),
        targets: HashMap::new(),
        focus: ROOT,
        label: None,
        marks: Vec::new(),
    };
    let mut window = Node::new(Role::Window);
    window.set_label(window_title(app));
    b.open.push(Open {
        id: ROOT,
        node: window,
        children: Vec::new(),
        mark: None,
        words: Vec::new(),
    });
    for item in &snapshot.items {
        match item {
            Item::Open(mark) => b.open_mark(*mark),
            Item::Close => b.close(),
            Item::Text { text, bounds } => b.text(text, *bounds),
            Item::Input {
                id,
                bounds,
                focused,
            } => b.input(id.as_ref(), *bounds, *focused),
            Item::Control {
                id,
                bounds,
                focused,
                press,
                words,
                order,
            } => b.control(
                id.as_ref(),
                *bounds,
                *focused,
                press.as_ref(),
                words,
                *order,
            ),
        }
    }
    // Whatever a mark left open (it should not happen) closes into the window.
    while b.open.len() > 1 {
        b.marks.push(true);
        b.close();
    }
    if let Some(root) = b.open.pop() {
        let mut node = root.node;
        node.set_children(root.children);
        b.done.push((ROOT, node));
    }
    let mut info = TreeInfo::new(ROOT);
    info.toolkit_name = Some("iced".into());
    info.toolkit_version = Some("0.14".into());
    Built {
        update: TreeUpdate {
            nodes: b.done,
            tree: Some(info),
            tree_id: TreeId::ROOT,
            focus: b.focus,
        },
        targets: b.targets,
    }
}
