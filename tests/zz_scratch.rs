use std::collections::BTreeMap;
use mi_settings::shells::tasks;
use mi_settings::sim::device::Language;
use mi_settings::sim::env::Env;
use mi_settings::shells::replay::fixture::Step;
use mi_settings::view::Role;

#[test]
fn scratch_random_walk_changes() {
    let catalogue = tasks::builtin().expect("catalogue");
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_task: BTreeMap<String, usize> = BTreeMap::new();
    for task in &catalogue {
        for n in 0..200u64 {
            let mut episode = tasks::episode_in(task, n, Language::En).expect("episode");
            let mut env = Env::new(mi_settings::sim::time::earliest(), n ^ 0x5eed);
            let length = env.below(31);
            const WORDS: [&str; 4] = ["Xiaomi#2026", "lei.wang@example.com", "123456", "hello"];
            for _ in 0..length {
                let view = episode.engine().view();
                let in_field = view.focused().is_some_and(|e| e.role.is_text_input());
                let touchable: Vec<String> = view.active_elements().iter()
                    .filter(|e| e.interactive() && e.role != Role::Text).map(|e| e.id.to_string()).collect();
                let roll = env.below(10);
                let step = if in_field && roll < 3 {
                    Step::Type(WORDS[env.below(4) as usize].to_string())
                } else if roll == 9 || touchable.is_empty() { Step::Back(1) } else {
                    Step::TapId { id: touchable[env.below(touchable.len() as u32) as usize].clone(), label: None }
                };
                let _ = episode.step(&step);
            }
            let trace = episode.engine().trace().to_vec();
            if !trace.is_empty() { *per_task.entry(task.id.clone()).or_default() += 1; }
            for e in trace {
                let mut k = e["change"].as_str().unwrap_or("").to_string();
                if let Some(app) = e.get("app") { k.push_str(&format!(":{app}")); }
                *kinds.entry(k).or_default() += 1;
            }
        }
    }
    for (k, n) in &kinds { println!("{n:6} {k}"); }
    for (k, n) in &per_task { println!("{n:4}/200 {k}"); }
}
