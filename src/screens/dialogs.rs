//! Modal dialogs: what each shows and what its buttons do. A dialog carries the pending change
//! until it is confirmed, so cancelling (Esc, "Cancel") changes nothing.

use crate::sim::{Env, Sim, TextInput};
use crate::view::{Dialog, Element, Role};

/// The longest device name the phone accepts, in characters.
pub const MAX_DEVICE_NAME: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// About phone → Device name.
    RenameDevice {
        name: TextInput,
        error: Option<String>,
    },
}

impl DialogKind {
    pub fn rename_device(current: String) -> DialogKind {
        DialogKind::RenameDevice {
            name: TextInput::new(current),
            error: None,
        }
    }
}

pub fn view(kind: &DialogKind) -> Dialog {
    match kind {
        DialogKind::RenameDevice { name, error } => {
            let mut elements = vec![text_field("dialog.device_name", "Device name", name, false)];
            if let Some(error) = error {
                elements.push(Element::text("dialog.error", error.clone()));
            }
            elements.push(Element::button("dialog.cancel", "Cancel"));
            elements.push(Element::button("dialog.ok", "OK"));
            Dialog {
                id: "rename_device".to_string(),
                title: "Device name".to_string(),
                body: vec!["Other devices see this name over Bluetooth and Wi-Fi.".to_string()],
                elements,
            }
        }
    }
}

/// A text field element showing `input`; a password is masked here, in the core, so that no
/// consumer of the view (renderer, transcript, agent) can ever see it.
pub fn text_field(
    id: &'static str,
    label: &'static str,
    input: &TextInput,
    password: bool,
) -> Element {
    let role = if password {
        Role::PasswordField
    } else {
        Role::TextField
    };
    let shown = if password {
        "•".repeat(input.text().chars().count())
    } else {
        input.text().to_string()
    };
    let mut element = Element::new(id, role, label).value(shown);
    element.cursor = Some(input.cursor());
    element
}

/// The text input behind a dialog's field, for editing.
pub fn input_mut<'a>(kind: &'a mut DialogKind, id: &str) -> Option<&'a mut TextInput> {
    match (kind, id) {
        (DialogKind::RenameDevice { name, .. }, "dialog.device_name") => Some(name),
        _ => None,
    }
}

pub fn activate(sim: &mut Sim, id: &str, _env: &mut Env) {
    let Some(dialog) = sim.dialog.as_mut() else {
        return;
    };
    if id == "dialog.cancel" {
        sim.close_dialog();
        return;
    }
    match &mut dialog.kind {
        DialogKind::RenameDevice { name, error } => {
            // Enter in the field confirms, as the keyboard's "done" key does on a phone.
            if id != "dialog.ok" && id != "dialog.device_name" {
                return;
            }
            let new_name = name.text().trim().to_string();
            let problem = if new_name.is_empty() {
                Some("Enter a device name".to_string())
            } else if new_name.chars().count() > MAX_DEVICE_NAME {
                Some(format!(
                    "Device name is too long ({MAX_DEVICE_NAME} characters at most)"
                ))
            } else {
                None
            };
            if problem.is_some() {
                *error = problem;
                return;
            }
            sim.close_dialog();
            if sim.device().phone.name != new_name {
                sim.device_mut().phone.name = new_name;
            }
        }
    }
}
