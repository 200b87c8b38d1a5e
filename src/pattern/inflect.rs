//! English inflections for `word~`: plural and verb forms.
//!
//! Regular forms are derived by spelling rules; common irregular verbs come
//! from a table. Extra forms can always be listed in a pattern: `lead~[led]`.

/// Irregular verbs: base form, then past and past participle forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("arise", &["arose", "arisen"]),
    ("be", &["is", "are", "am", "was", "were", "been", "being"]),
    ("bear", &["bore", "borne", "born"]),
    ("beat", &["beaten"]),
    ("become", &["became"]),
    ("begin", &["began", "begun", "beginning"]),
    ("bind", &["bound"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("come", &["came"]),
    ("deal", &["dealt"]),
    ("do", &["does", "did", "done"]),
    ("draw", &["drew", "drawn"]),
    ("drive", &["drove", "driven"]),
    ("fall", &["fell", "fallen"]),
    ("feel", &["felt"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fly", &["flew", "flown"]),
    ("forbid", &["forbade", "forbidden"]),
    ("forsake", &["forsook", "forsaken"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["goes", "went", "gone"]),
    ("grow", &["grew", "grown"]),
    ("hang", &["hung"]),
    ("have", &["has", "had"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hit", &["hit"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("let", &["let"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("mislead", &["misled"]),
    ("overrun", &["overran"]),
    ("oversee", &["oversaw", "overseen"]),
    ("overtake", &["overtook", "overtaken"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("pay", &["paid"]),
    ("put", &["put"]),
    ("read", &["read"]),
    ("rebuild", &["rebuilt"]),
    ("retake", &["retook", "retaken"]),
    ("ride", &["rode", "ridden"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("shake", &["shook", "shaken"]),
    ("shoot", &["shot"]),
    ("shut", &["shut"]),
    ("sit", &["sat"]),
    ("speak", &["spoke", "spoken"]),
    ("spend", &["spent"]),
    ("spread", &["spread"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("strike", &["struck", "stricken"]),
    ("swear", &["swore", "sworn"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("undertake", &["undertook", "undertaken"]),
    ("uphold", &["upheld"]),
    ("wage", &["waged"]),
    ("win", &["won"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("withhold", &["withheld"]),
    ("write", &["wrote", "written"]),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn vowel_groups(w: &[u8]) -> usize {
    let mut groups = 0;
    let mut prev = false;
    for &c in w {
        let v = is_vowel(c) || (c == b'y' && groups > 0);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups
}

/// The forms `word~` matches, in matching form (lower case), the word first.
pub fn forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    let irregular = IRREGULAR.iter().find(|(b, _)| *b == w).map(|(_, f)| *f);
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 || !w.is_ascii() || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        if let Some(f) = irregular {
            out.extend(f.iter().map(|s| s.to_string()));
        }
        return out;
    }
    let stem = &w[..n - 1];
    let last = b[n - 1];
    let before = if n >= 2 { b[n - 2] } else { b' ' };
    let (s, ed, ing): (String, String, String) = if last == b'e' {
        if before == b'i' {
            (
                format!("{w}s"),
                format!("{w}d"),
                format!("{}ying", &w[..n - 2]),
            )
        } else if matches!(before, b'e' | b'o' | b'y') {
            (format!("{w}s"), format!("{w}d"), format!("{w}ing"))
        } else {
            (format!("{w}s"), format!("{w}d"), format!("{stem}ing"))
        }
    } else if last == b'y' && !is_vowel(before) {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{w}ing"),
        )
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        (format!("{w}es"), format!("{w}ed"), format!("{w}ing"))
    } else if n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(before)
        && !is_vowel(b[n - 3])
        && vowel_groups(b) == 1
    {
        let c = last as char;
        (format!("{w}s"), format!("{w}{c}ed"), format!("{w}{c}ing"))
    } else {
        (format!("{w}s"), format!("{w}ed"), format!("{w}ing"))
    };
    // Irregular verbs whose table gives the third person ("goes", "is") or the
    // -ing form ("being") do not get the regular one.
    if !irregular.is_some_and(|f| f.iter().any(|x| x.ends_with('s'))) {
        out.push(s);
    }
    if irregular.is_none() {
        out.push(ed);
        // British doubling of a final l ("travelled") beside the American form.
        if last == b'l' && vowel_groups(b) > 1 && is_vowel(before) {
            out.push(format!("{w}led"));
            out.push(format!("{w}ling"));
        }
    }
    if !irregular.is_some_and(|f| f.iter().any(|x| x.ends_with("ing"))) {
        out.push(ing);
    }
    if let Some(f) = irregular {
        out.extend(f.iter().map(|s| s.to_string()));
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn regular_forms() {
        assert_eq!(
            forms("capture"),
            ["capture", "captures", "captured", "capturing"]
        );
        assert_eq!(forms("seize"), ["seize", "seizes", "seized", "seizing"]);
        assert_eq!(forms("carry"), ["carry", "carries", "carried", "carrying"]);
        assert_eq!(forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(forms("stop"), ["stop", "stops", "stopped", "stopping"]);
        assert_eq!(forms("visit"), ["visit", "visits", "visited", "visiting"]);
        assert_eq!(forms("oust"), ["oust", "ousts", "ousted", "ousting"]);
        assert_eq!(forms("storm"), ["storm", "storms", "stormed", "storming"]);
        assert_eq!(forms("die"), ["die", "dies", "died", "dying"]);
        assert_eq!(forms("free"), ["free", "frees", "freed", "freeing"]);
        assert_eq!(forms("stay"), ["stay", "stays", "stayed", "staying"]);
        assert!(forms("rebel").contains(&"rebelled".to_string()));
    }

    #[test]
    fn irregular_forms() {
        let f = forms("flee");
        assert!(f.contains(&"fled".to_string()) && f.contains(&"fleeing".to_string()));
        assert!(!f.contains(&"fleed".to_string()));
        let f = forms("take");
        assert!(f.contains(&"took".to_string()) && f.contains(&"taking".to_string()));
        assert!(forms("lead").contains(&"led".to_string()));
        let be = forms("be");
        assert!(
            !be.contains(&"bes".to_string())
                && !be.contains(&"bing".to_string())
                && be.contains(&"being".to_string())
        );
        let go = forms("go");
        assert!(
            !go.contains(&"gos".to_string())
                && go.contains(&"going".to_string())
                && go.contains(&"goes".to_string())
        );
    }
}
