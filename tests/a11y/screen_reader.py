#!/usr/bin/python3
"""A screen reader's view of piqm-acces, through AT-SPI as Orca reads it (tests/screen_reader.rs).

Run by tests/screen_reader.rs inside a private session bus with accessibility turned on, the
application started in Xvfb. It finds the application and its window, reads every field of each
step as an entry or a combo box named by its label with its hint as description, presses
Continuer on an empty step through AT-SPI's action interface, then finds the alert, the focus on
the first invalid field and that field's error text; sets values through EditableText (and sees
them in the draft file), chooses options through their actions, and walks a whole designation
to the review by AT-SPI actions and one keyboard event (Enter in a field), then sends it. Exits non-zero with
what was wrong.

usage: screen_reader.py DATA_DIR FTL_FILE
"""

import glob
import json
import os
import re
import subprocess
import sys
import time

import pyatspi

DATA_DIR, FTL = sys.argv[1], sys.argv[2]
TIMEOUT = 15.0


def messages(path):
    """The one-line messages of a Fluent file (enough for labels and errors)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z0-9-]+) = (.*)$", line.rstrip("\n"))
            if m:
                out[m.group(1)] = m.group(2)
    return out


def norm(s):
    """French typography: no-break spaces before « : » and in times, read as spaces."""
    return (s or "").replace("\u00a0", " ").replace("\u202f", " ")


T = {key: norm(value) for key, value in messages(FTL).items()}


def fail(what):
    print(f"FAILED: {what}", flush=True)
    try:
        print("--- the tree ---")
        dump(frame())
    except Exception as e:  # the tree may be what is broken
        print(f"(no tree: {e})")
    sys.exit(1)


def say(what):
    print(f"ok: {what}", flush=True)


def wait(check, what, timeout=TIMEOUT):
    """Polls `check` (which returns a value or None) until it gives a value."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            value = check()
        except Exception as e:  # a node went away while being read: read again
            last = e
            value = None
        if value is not None and value is not False:
            return value
        time.sleep(0.1)
    fail(f"{what} (after {timeout} s; last error: {last})")


def application():
    def find():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == "piqm-acces" and a.childCount > 0:
                return a
        return None

    return wait(find, "the application 'piqm-acces' on the accessibility bus", 30)


APP = None


def frame():
    return APP.getChildAtIndex(0)


def nodes(root=None):
    root = root or frame()
    stack = [root]
    while stack:
        n = stack.pop()
        yield n
        for i in reversed(range(n.childCount)):
            c = n.getChildAtIndex(i)
            if c is not None:
                stack.append(c)


def states(n):
    return set(n.getState().getStates())


def dump(n, depth=0):
    st = states(n)
    flags = [
        name
        for name, s in [
            ("focused", pyatspi.STATE_FOCUSED),
            ("required", pyatspi.STATE_REQUIRED),
            ("selected", pyatspi.STATE_SELECTED),
            ("expanded", pyatspi.STATE_EXPANDED),
        ]
        if s in st
    ]
    desc = f" — {n.description!r}" if n.description else ""
    print("  " * depth + f"{n.getRoleName()} {n.name!r}{desc} {flags}")
    for i in range(n.childCount):
        dump(n.getChildAtIndex(i), depth + 1)


def find(role, name=None, root=None, what=None):
    """The first node of this role (and name: exact, or a predicate)."""

    def check():
        for n in nodes(root):
            if n.getRoleName() != role:
                continue
            got = norm(n.name)
            if name is None or (callable(name) and name(got)) or got == name:
                return n
        return None

    return wait(check, what or f"a {role} named {name!r}")


def title_is(expected):
    wait(lambda: frame().name == expected or None, f"the window titled {expected!r}")
    say(f"window: {expected}")


def step_title(number, step_id):
    return f"{T['app-name']} — Étape {number} sur 5 — {T[step_id]}"


def field(label):
    """A field by its label: an entry or a combo box (the label may end in "(facultatif)")."""

    def check():
        for n in nodes():
            if n.getRoleName() in ("entry", "combo box", "password text") and (
                n.name == label or n.name == f"{label} {T['optional']}"
            ):
                return n
        return None

    return wait(check, f"a field named {label!r}")


def press(label):
    button = find("push button", label)
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "click" not in names:
        fail(f"{label!r} offers no click action ({names})")
    action.doAction(names.index("click"))


def text_of(n):
    t = n.queryText()
    return t.getText(0, t.characterCount)


def set_text(label, value):
    n = field(label)
    n.queryEditableText().setTextContents(value)
    wait(lambda: text_of(field(label)) == value or None, f"{label!r} reads {value!r}")


def choose(label, query, option):
    """Types `query` into a list's field through AT-SPI, then activates the option."""
    set_text(label, query)
    combo = field(label)
    item = find(
        "list item",
        lambda name: name == option or name.startswith(option),
        what=f"the option {option!r} of {label!r}",
    )
    relations = [r.getRelationType() for r in combo.getRelationSet()]
    if pyatspi.RELATION_CONTROLLER_FOR not in relations:
        fail(f"{label!r} does not say which list it controls")
    item.queryAction().doAction(0)
    wait(
        lambda: (option in text_of(field(label))) or None,
        f"{label!r} shows the chosen {option!r}",
    )


def check_fields(expected):
    """Every field of the step is an entry or a combo box named by its label (with
    "(facultatif)" when optional), described by its hint; no other field is there."""
    want = {T[label]: hint for label, hint in expected.items()}

    def fields():
        out = {}
        for n in nodes():
            if n.getRoleName() in ("entry", "combo box", "password text"):
                name = norm(n.name).removesuffix(f" {T['optional']}")
                out[name] = (n, pyatspi.STATE_REQUIRED in states(n), norm(n.name))
        return out

    found = wait(lambda: fields() if set(fields()) == set(want) else None,
                 f"exactly the fields {sorted(want)} (found {sorted(fields())})")
    for label, hint in want.items():
        node, required, name = found[label]
        if required == name.endswith(T["optional"]):
            fail(f"{name!r}: required={required} disagrees with its label")
        if hint and T[hint] not in norm(node.description):
            fail(f"{name!r} is described {node.description!r}, not by its hint")
    say(f"fields named by their labels, hints as descriptions: {', '.join(sorted(want))}")


def focused():
    for n in nodes():
        if pyatspi.STATE_FOCUSED in states(n):
            return n
    return None


def draft():
    files = glob.glob(os.path.join(DATA_DIR, "drafts", "*.json"))
    if len(files) != 1:
        return None
    with open(files[0], encoding="utf-8") as f:
        try:
            return json.load(f)
        except ValueError:
            return None


def on_disk(path, expected):
    def check():
        d = draft()
        if d is None:
            return None
        for key in path.split("/"):
            d = d.get(key, {}) if isinstance(d, dict) else {}
        return d == expected or None

    wait(check, f"the draft file holds {path} = {expected!r}", 10)
    say(f"draft on disk: {path} = {expected!r}")


def idle_without_work():
    """With a screen reader listening the tree follows every change, and only changes: an idle
    window does no work (a loop between reading the screen and measuring its lists once kept a
    core busy)."""
    pid = APP.get_process_id()

    def ticks():
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    time.sleep(1)
    before = ticks()
    time.sleep(2)
    used = ticks() - before
    # 2 s are 200 ticks of one core; a busy loop uses most of them.
    if used > 30:
        fail(f"the idle window used {used} CPU ticks in 2 s")
    say(f"idle with a screen reader listening: {used} CPU ticks in 2 s")


def main():
    global APP
    APP = application()
    say("the application is on the accessibility bus")
    title_is(f"{T['app-name']} — {T['home-drafts']}")
    find("heading", T["home-drafts"])
    idle_without_work()
    press(T["home-new"])

    # Step 1, empty: Continuer through the action interface.
    title_is(step_title(1, "step-choice"))
    find("heading", T["step-choice"])
    kind = field(T["field-form-kind"])
    if pyatspi.STATE_REQUIRED not in states(kind):
        fail("the form's kind is not marked required")
    options = [n.name for n in nodes() if n.getRoleName() == "list item"]
    if T["kind-municipality"] not in options or T["kind-organization"] not in options:
        fail(f"the form's kind lists {options}")
    # Tab past the last control (Continuer) comes around to the first: focus is never nowhere.
    find("push button", T["continue"]).queryComponent().grabFocus()
    wait(lambda: (focused() is not None and norm(focused().name) == T["continue"]) or None,
         "focus on Continuer (AT-SPI grabFocus)")
    subprocess.run(["xdotool", "key", "Tab"], check=True)
    wait(lambda: (focused() is not None and norm(focused().name) == T["outbox-button"]) or None,
         "Tab from the last control focuses the first one")
    say("Tab from the last control comes around to the first")
    press(T["continue"])
    # AccessKit's alert is AT-SPI's "notification" (Orca speaks it when it appears).
    alert = find("notification", lambda name: T["error-summary-title"] in name)
    if T["err-form-kind-missing"] not in norm(alert.name):
        fail(f"the alert says {alert.name!r}")
    say(f"alert: {alert.name}")
    now = wait(focused, "a focused node")
    if now.name != T["field-form-kind"]:
        fail(f"focus is on {now.getRoleName()} {now.name!r}, not the first invalid field")
    if T["err-form-kind-missing"] not in norm(now.description):
        fail(f"the invalid field's description is {now.description!r}")
    say(f"focus on the invalid field, its error read: {now.description!r}")

    choose(T["field-form-kind"], "muni", T["kind-municipality"])
    on_disk("formulaire/type", "municipalite")
    check_fields({"field-form-kind": None, "field-municipal-category": None})
    choose(T["field-municipal-category"], "ville", T["mcat-ville"])
    on_disk("formulaire/categorie_municipale", "ville")
    press(T["continue"])

    # Step 2: values set through EditableText; Enter (a keyboard event) is Continuer.
    title_is(step_title(2, "step-organization"))
    check_fields({
        "field-org-name": None,
        "field-civic-number": None,
        "field-street": None,
        "field-municipality": "hint-municipality",
        "field-postal-code": "hint-postal-code",
        "field-region": "hint-region",
        "field-provincial-riding": "hint-provincial-riding",
        "field-federal-riding": None,
        "field-identification-code": "hint-identification-code",
    })
    postal = field(T["field-postal-code"])
    if T["hint-postal-code"] not in norm(postal.description):
        fail(f"the postal code's description is {postal.description!r}")
    set_text(T["field-org-name"], "Ville de Lévis")
    on_disk("organisme/nom", "Ville de Lévis")
    # The saved line is a polite live region: read out when it changes, focus left alone.
    saved = T["saved-at"].split("{")[0].strip()
    find("status bar", lambda name: name.startswith(saved), what=f"a status line {saved!r}…")
    say("the saved line is a status line")
    set_text(T["field-civic-number"], "2175")
    set_text(T["field-street"], "chemin du Fleuve")
    choose(T["field-municipality"], "levis", "Lévis")
    set_text(T["field-postal-code"], "G6W 7W9")
    choose(T["field-provincial-riding"], "lev", "Lévis")
    choose(T["field-federal-riding"], "levis", "Lévis")
    set_text(T["field-identification-code"], "LEV2008Q417")
    on_disk("code_identification", "LEV2008Q417")
    field(T["field-identification-code"]).queryComponent().grabFocus()
    wait(
        lambda: (focused() is not None and focused().name == T["field-identification-code"])
        or None,
        "focus on the identification code (AT-SPI grabFocus)",
    )
    subprocess.run(["xdotool", "key", "Return"], check=True)

    # Step 3.
    title_is(step_title(3, "step-requester"))
    check_fields({
        "field-civility": None,
        "field-requester-last-name": None,
        "field-requester-first-name": None,
        "field-requester-function": None,
        "field-requester-phone": "hint-requester-phone",
        "field-requester-extension": "hint-requester-extension",
        "field-requester-email": "hint-requester-email",
    })
    choose(T["field-civility"], "mme", T["civility-mrs"])
    set_text(T["field-requester-last-name"], "Bélanger")
    set_text(T["field-requester-first-name"], "Hélène")
    set_text(T["field-requester-function"], "Greffière")
    set_text(T["field-requester-phone"], "418 839-2002")
    set_text(T["field-requester-extension"], "4120")
    set_text(T["field-requester-email"], "greffe@ville.levis.qc.ca")
    press(T["continue"])

    # Step 4: the look-up, then its result read as text.
    title_is(step_title(4, "step-manager"))
    check_fields({"field-manager-username": "hint-manager-username"})
    set_text(T["field-manager-username"], "gcot0417")
    press(T["lookup-button"])
    find("label", "Côté", what="the manager's name found by the look-up")
    on_disk("gestionnaire/confirme", True)
    press(T["continue"])

    # The review: a list of sections, each with its answers and "Modifier".
    title_is(f"{T['app-name']} — Étape 5 sur 5 — {T['step-review']}")
    listing = find("list", what="the review's list of sections")
    sections = [listing.getChildAtIndex(i) for i in range(listing.childCount)]
    names = [norm(s.name) for s in sections]
    expected = [T[s] for s in ("step-choice", "step-organization", "step-requester", "step-manager")]
    if names != expected:
        fail(f"the review's sections are {names}, not {expected}")
    for s in sections:
        buttons = [norm(n.name) for n in nodes(s) if n.getRoleName() == "push button"]
        if buttons != [T["change"]]:
            fail(f"section {s.name!r} has the buttons {buttons}")
        texts = [n.name for n in nodes(s) if n.getRoleName() == "label"]
        if len(texts) < 3:
            fail(f"section {s.name!r} reads only {texts}")
    find("push button", T["submit"])
    on_disk("etape", "verification")
    say("the review: 4 sections, each with its answers and Modifier; Envoyer la désignation")

    # Sent through the action interface; the result is a status line, read out.
    press(T["submit"])
    title_is(f"{T['app-name']} — {T['step-confirmed']}")
    find("status bar", lambda name: T["confirmed-thanks"] in name, what="the confirmation read out")
    on_disk("statut", "envoyee")
    say("sent: the confirmation is a status line")
    print("PASSED", flush=True)


main()
