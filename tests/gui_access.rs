//! The accessibility tree of each screen, without a bus: the screen laid out headless, read by
//! the same operation the window runs (access/describe.rs), built into AccessKit nodes
//! (access/tree.rs) — roles, names, descriptions, states, and what each action sends.

mod gui_support;

use accesskit::{Action, Invalid, Live, Node, NodeId, Role, TreeUpdate};
use gui_support::{click_text, fill_municipal, new_app, simulator};
use iced::advanced::renderer::Headless;
use iced::advanced::widget::operation::{Operation, Outcome, black_box};
use iced::{Pixels, Size};
use iced_runtime::user_interface::{Cache, UserInterface};
use piqm_acces::designation::Field;
use piqm_acces::gui::access::{describe, tree};
use piqm_acces::gui::{App, FONT, Message};
use piqm_acces::i18n::Lang;

/// The tree of the current screen, and what its actions do.
fn built(app: &App) -> tree::Built {
    // The simulator loads the bundled fonts (global), so text is measured as in the window.
    drop(simulator(app));
    let mut renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
        FONT,
        Pixels(16.0),
        None,
    ))
    .expect("a headless renderer");
    let mut ui = UserInterface::build(
        app.view(),
        Size::new(1024.0, 3000.0),
        Cache::default(),
        &mut renderer,
    );
    let mut op = describe::describe();
    ui.operate(&renderer, &mut black_box(&mut op));
    let Outcome::Some(snapshot) = op.finish() else {
        panic!("the screen could not be read");
    };
    tree::build(app, &snapshot)
}

struct Tree(TreeUpdate);

impl Tree {
    fn of(app: &App) -> Tree {
        Tree(built(app).update)
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.0.nodes.iter().find(|(i, _)| *i == id).expect("node").1
    }

    fn root(&self) -> &Node {
        self.node(tree::ROOT)
    }

    fn all(&self, role: Role) -> Vec<(NodeId, &Node)> {
        self.0
            .nodes
            .iter()
            .filter(|(_, n)| n.role() == role)
            .map(|(i, n)| (*i, n))
            .collect()
    }

    fn named(&self, role: Role, label: &str) -> (NodeId, &Node) {
        self.all(role)
            .into_iter()
            .find(|(_, n)| n.label() == Some(label))
            .unwrap_or_else(|| {
                let seen: Vec<_> = self.all(role).iter().map(|(_, n)| n.label()).collect();
                panic!("no {role:?} named {label:?}; seen {seen:?}")
            })
    }

    /// Every node is reachable from the window, once.
    fn check_shape(&self) {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![tree::ROOT];
        while let Some(id) = stack.pop() {
            assert!(seen.insert(id), "node {id:?} has two parents");
            stack.extend(self.node(id).children().iter().copied());
        }
        assert_eq!(seen.len(), self.0.nodes.len(), "nodes outside the tree");
    }
}

#[test]
fn home_is_a_window_named_by_its_screen_with_a_banner_headings_and_buttons() {
    let app = new_app(Lang::Fr);
    let t = Tree::of(&app);
    t.check_shape();
    assert_eq!(t.root().role(), Role::Window);
    assert_eq!(t.root().label(), Some("Accès PIQM — Vos brouillons"));
    assert_eq!(app.title(), "Accès PIQM — Vos brouillons");
    let (_, banner) = t.named(Role::Banner, "Accès PIQM");
    assert!(!banner.children().is_empty());
    let (_, h1) = t.named(
        Role::Heading,
        "Désignation d'un gestionnaire local des droits d'accès",
    );
    assert_eq!(h1.level(), Some(1));
    assert_eq!(t.named(Role::Heading, "Vos brouillons").1.level(), Some(2));
    let (_, new) = t.named(Role::Button, "Nouvelle désignation");
    assert!(new.supports_action(Action::Click) && new.supports_action(Action::Focus));
    assert!(new.bounds().is_some_and(|b| b.width() > 0.0));
}

#[test]
fn a_buttons_click_sends_what_the_keyboard_sends() {
    let app = new_app(Lang::Fr);
    let b = built(&app);
    let t = Tree(b.update);
    let (id, _) = t.named(Role::Button, "Nouvelle désignation");
    let click = b.targets[&id].click.clone().expect("a message");
    assert!(matches!(click, Message::NewDesignation), "{click:?}");
    let (id, _) = t.named(Role::Button, "English");
    assert!(matches!(
        b.targets[&id].click,
        Some(Message::SwitchLanguage(Lang::En))
    ));
}

#[test]
fn the_first_step_has_its_lists_as_combo_boxes_with_their_options() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Nouvelle désignation");
    let b = built(&app);
    let t = Tree(b.update);
    t.check_shape();
    assert_eq!(
        t.root().label(),
        Some("Accès PIQM — Étape 1 sur 5 — Choix du formulaire")
    );
    let (combo_id, combo) = t.named(Role::EditableComboBox, "Formulaire");
    assert!(combo.is_required());
    assert_eq!(combo.invalid(), None, "not yet checked");
    assert!(
        combo.is_expanded() == Some(true),
        "a short list shows its options"
    );
    let list = combo.controls()[0];
    let options: Vec<_> = t
        .node(list)
        .children()
        .iter()
        .map(|id| t.node(*id).label().unwrap_or_default().to_string())
        .collect();
    assert_eq!(options, ["Municipalité", "Organisme"]);
    let first = t.node(list).children()[0];
    assert_eq!(t.node(first).is_selected(), Some(false));
    assert!(matches!(
        &b.targets[&first].click,
        Some(Message::PickerChoose(Field::FormKind, code)) if code == "municipalite"
    ));
    // A value set by assistive technology is what typing would send.
    let set = b.targets[&combo_id].set_value.expect("settable");
    assert!(matches!(
        set.message("muni".into()),
        Message::PickerInput(Field::FormKind, q) if q == "muni"
    ));
    // The status line ("Enregistré à …") is there, polite, even while empty.
    let (_, status) = t.all(Role::Status)[0];
    assert_eq!(status.live(), Some(Live::Polite));
}

#[test]
fn continuer_on_an_empty_step_gives_an_alert_and_invalid_fields_with_their_errors() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Nouvelle désignation");
    let _ = app.update(Message::Continue);
    let t = Tree::of(&app);
    t.check_shape();
    let error = "Choisissez le formulaire\u{a0}: municipalité ou organisme.";
    let alerts = t.all(Role::Alert);
    assert_eq!(alerts.len(), 1);
    let (_, alert) = alerts[0];
    assert_eq!(alert.live(), Some(Live::Assertive));
    assert!(
        alert.label().is_some_and(|l| l.contains(error)),
        "{:?}",
        alert.label()
    );
    // Its parts are not announced one by one.
    for child in alert.children() {
        assert_eq!(t.node(*child).live(), Some(Live::Off));
    }
    let (_, combo) = t.named(Role::EditableComboBox, "Formulaire");
    assert_eq!(combo.invalid(), Some(Invalid::True));
    assert!(combo.description().is_some_and(|d| d.contains(error)));
    let message = combo.error_message().expect("tied to its error");
    assert_eq!(t.node(message).value(), Some(error));
}

#[test]
fn the_organisme_step_names_each_field_by_its_label_with_its_hint() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Nouvelle désignation");
    let _ = app.update(Message::PickerChoose(
        Field::FormKind,
        "municipalite".into(),
    ));
    let _ = app.update(Message::PickerChoose(
        Field::MunicipalCategory,
        "ville".into(),
    ));
    let _ = app.update(Message::Continue);
    let _ = app.update(Message::Edit(Field::OrgName, "Ville de Lévis".into()));
    let b = built(&app);
    let t = Tree(b.update);
    t.check_shape();
    let (name_id, name) = t.named(Role::TextInput, "Nom de l'organisme");
    assert!(name.is_required());
    assert_eq!(name.value(), Some("Ville de Lévis"));
    // A text run: AT-SPI's Text and EditableText interfaces read and set it.
    let run = t.node(name.children()[0]);
    assert_eq!(run.role(), Role::TextRun);
    assert_eq!(run.value(), Some("Ville de Lévis"));
    assert_eq!(
        run.character_lengths().len(),
        "Ville de Lévis".chars().count()
    );
    assert!(matches!(
        b.targets[&name_id].set_value.unwrap().message("x".into()),
        Message::Edit(Field::OrgName, _)
    ));
    let (_, postal) = t.named(Role::TextInput, "Code postal");
    assert_eq!(postal.description(), Some("Par exemple\u{a0}: G1R 4J3"));
    // An optional field says so in its name and is not required.
    let (_, civic) = t.named(Role::TextInput, "Numéro civique (facultatif)");
    assert!(!civic.is_required());
    // A long list shows no options until something is typed.
    let (_, municipality) = t.named(Role::EditableComboBox, "Municipalité");
    assert_eq!(municipality.is_expanded(), Some(false));
    let _ = app.update(Message::PickerInput(Field::Municipality, "levis".into()));
    let t = Tree::of(&app);
    let (_, municipality) = t.named(Role::EditableComboBox, "Municipalité");
    assert_eq!(municipality.is_expanded(), Some(true));
    let highlighted = municipality
        .active_descendant()
        .expect("a highlighted match");
    assert!(
        t.node(highlighted)
            .label()
            .is_some_and(|l| l.contains("Lévis")),
        "{:?}",
        t.node(highlighted).label()
    );
}

#[test]
fn the_review_is_a_list_of_sections_each_with_modifier() {
    let mut app = new_app(Lang::Fr);
    fill_municipal(&mut app);
    let t = Tree::of(&app);
    t.check_shape();
    assert_eq!(
        t.root().label(),
        Some("Accès PIQM — Étape 5 sur 5 — Vérifiez vos réponses")
    );
    let lists = t.all(Role::List);
    assert_eq!(lists.len(), 1);
    let sections: Vec<_> = lists[0].1.children().iter().map(|id| t.node(*id)).collect();
    let names: Vec<_> = sections.iter().map(|s| s.label().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Choix du formulaire",
            "Organisme",
            "Demandeur",
            "Gestionnaire"
        ]
    );
    for s in sections {
        assert_eq!(s.role(), Role::ListItem);
        let buttons: Vec<_> = s
            .children()
            .iter()
            .map(|id| t.node(*id))
            .filter(|n| n.role() == Role::Button)
            .collect();
        assert_eq!(buttons.len(), 1);
        assert_eq!(buttons[0].label(), Some("Modifier"));
    }
    t.named(Role::Button, "Envoyer la désignation");
}

#[test]
fn the_token_is_a_password_field_whose_value_is_not_read_out() {
    let mut app = new_app(Lang::Fr);
    let _ = app.update(Message::OpenSettings);
    let _ = app.update(Message::SettingsToken("s3cret".into()));
    let t = Tree::of(&app);
    t.check_shape();
    assert_eq!(t.root().label(), Some("Accès PIQM — Réglages"));
    let (_, token) = t
        .all(Role::PasswordInput)
        .into_iter()
        .next()
        .expect("the token field");
    assert_eq!(token.value(), Some("••••••"));
    assert!(
        !format!("{:?}", t.0).contains("s3cret"),
        "the token is nowhere in the tree"
    );
    t.all(Role::UrlInput).first().expect("the address field");
}

#[test]
fn english_names_come_from_the_english_messages() {
    let mut app = new_app(Lang::En);
    click_text(&mut app, "New designation");
    let t = Tree::of(&app);
    assert!(
        t.root().label().is_some_and(|l| l.contains("Step 1 of 5")),
        "{:?}",
        t.root().label()
    );
    t.named(Role::EditableComboBox, "Form");
}
