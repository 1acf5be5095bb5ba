//! The rule the play layer's file formats share: an object that stands for one of several
//! kinds (a fixture's step, a condition) names exactly one of them, and is told so in the same
//! words when it names none or several.

/// The one kind an object names, of the `kinds` found in it (each with its key): none is
/// refused with the list of `all` the kinds there are, several by their keys ("a step has
/// exactly one kind; this one has tap and back"). `object` is what the file calls the object.
pub fn exactly_one<T>(object: &str, mut kinds: Vec<(&str, T)>, all: &str) -> Result<T, String> {
    if kinds.len() > 1 {
        return Err(format!(
            "a {object} has exactly one kind; this one has {}",
            keys(&kinds)
        ));
    }
    kinds
        .pop()
        .map(|(_, kind)| kind)
        .ok_or_else(|| format!("a {object} needs one kind: {all}"))
}

/// The keys of `kinds`, as a message lists them: "tap and back".
pub fn keys<T>(kinds: &[(&str, T)]) -> String {
    kinds
        .iter()
        .map(|(key, _)| *key)
        .collect::<Vec<_>>()
        .join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_and_several_are_refused_by_name() {
        assert_eq!(exactly_one("step", vec![("tap", 1)], "tap or back"), Ok(1));
        assert_eq!(
            exactly_one::<u8>("step", Vec::new(), "tap or back"),
            Err("a step needs one kind: tap or back".into())
        );
        assert_eq!(
            exactly_one("step", vec![("tap", 1), ("back", 2)], "tap or back"),
            Err("a step has exactly one kind; this one has tap and back".into())
        );
    }
}
