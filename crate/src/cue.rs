//! Cues: the words that introduce speech ("said", "told", "according to", "called … a").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::span::Span;

/// How a cue relates the speaker to the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying: "said", "told", "added". Its subject is the speaker, before it or, inverted
    /// after a quote, after it ("…,” said Colin P. Clarke).
    Speech,
    /// A verb of thinking or knowing: "believes", "thinks". Introduces reported speech only.
    Belief,
    /// A verb that labels an object with the quoted words: "called the attack a “…”", "dismissed
    /// the warnings as “…”". Speaker before it only.
    Label,
    /// A participle that takes its speaker from the clause: "…, saying “…”".
    Participle,
    /// "according to X": the speaker follows.
    According,
    /// A verb of stance whose object is what its subject holds or wants, a noun phrase as often
    /// as a clause: "endorsed Trump", "called for a special prosecutor", "criticized the plan".
    /// Introduces reported content only, never a direct quote's tag.
    Stance,
}

/// One cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The cue's words (bytes): "said", "according to".
    pub span: Span,
    /// What kind of cue it is.
    pub class: CueClass,
    /// For "told", "warned", "informed": the verb takes a listener before the content.
    pub takes_listener: bool,
    /// Whether the verb's object is attributed content even when it is a noun phrase and no
    /// clause ("urged a recount", "praised the decision", "endorsed Trump"): the verbs of
    /// [`STANCE`], whatever list they are also in.
    pub object: bool,
}

impl Cue {
    /// A cue read by a construction rather than a verb (a headline's colon, a dash signature, a
    /// headline's "Says"): no listener, no object.
    pub fn plain(span: Span, class: CueClass) -> Cue {
        Cue {
            span,
            class,
            takes_listener: false,
            object: false,
        }
    }
}

/// Verbs of saying, as lemma stems with their irregular forms. Regular forms are generated:
/// stem + s/ed/ing (with the final e dropped where English drops it).
#[cfg_attr(not(test), allow(dead_code))] // read only to generate FORM_TABLE
const SPEECH: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "add",
    "continue",
    "note",
    "explain",
    "write",
    "wrote",
    "written",
    "ask",
    "state",
    "argue",
    "insist",
    "claim",
    "declare",
    "recall",
    "warn",
    "reply",
    "replied",
    "respond",
    "tweet",
    "post",
    "announce",
    "acknowledge",
    "admit",
    "suggest",
    "concede",
    "caution",
    "counter",
    "observe",
    "remark",
    "emphasize",
    "emphasise",
    "stress",
    "predict",
    "joke",
    "quip",
    "complain",
    "boast",
    "allege",
    "assert",
    "contend",
    "maintain",
    "promise",
    "vow",
    "pledge",
    "urge",
    "report",
    "confirm",
    "deny",
    "denied",
    "testify",
    "testified",
    "comment",
    "reiterate",
    "recount",
    "lament",
    "shout",
    "yell",
    "exclaim",
    "proclaim",
    "scoff",
    "mutter",
    "conclude",
    "agree",
    "disagree",
    "wonder",
    "tell",
    "inform",
    "assure",
    "advise",
    "brag",
    "charge",
    "demand",
    "point",
    "mention",
    "speculate",
    "estimate",
    "indicate",
    "reveal",
    "disclose",
    "signal",
    "threaten",
    "sigh",
    "whisper",
    "retort",
    "interject",
    "chime",
    "offer",
    "put",
    "recommend",
    "instruct",
    "order",
    "plead",
    "pled",
    "beg",
    "begged",
    "predicted",
    "acknowledged",
    "explain",
    "rule",
    "find",
    "found",
    "show",
    "shown",
    "conclude",
    "projected",
    "project",
    "forecast",
    "question",
    "muse",
    "opine",
    "riff",
    "press",
    "marvel",
    "gush",
    "rave",
    "snap",
    "chuckle",
    "laugh",
    "answer",
    "inquire",
    "challenge",
    "implore",
    "hint",
    "echo",
    "crow",
    "tout",
    "thunder",
    "scream",
    "cry",
    "cried",
    "gripe",
    "grumble",
    "murmur",
    "elaborate",
    "clarify",
    "recount",
    "beam",
    "chant",
    "concur",
    "vent",
    "reason",
    "acknowledge",
    "confide",
    "relate",
    "read",
];

/// Verbs of belief and knowledge: they introduce reported speech, never a direct quote's tag.
#[cfg_attr(not(test), allow(dead_code))] // read only to generate FORM_TABLE
const BELIEF: &[&str] = &[
    "believe",
    "think",
    "thought",
    "feel",
    "felt",
    "expect",
    "hope",
    "fear",
    "worry",
    "worried",
    "know",
    "knew",
    "known",
    "doubt",
    "suspect",
    "assume",
    "figure",
    "consider",
    "understand",
    "understood",
    "learn",
    "learned",
    "learnt",
    "see",
    "saw",
    "seen",
    "hear",
    "heard",
    "recognize",
    "realize",
    "acknowledge",
    "insist",
    "imagine",
];

/// Verbs of stance: their object is attributed content even when it is a noun phrase. Chosen
/// from the verbs PolNeAR's annotators marked as cues in at least two of three uses in its train
/// articles ("endorsed" 70%, "criticized" 80%, "defended" 92%, "cited" 84%). A second group
/// ("announce" to "agree") counts fewer of its uses as cues ("support" 17%, "want" 23% of all
/// uses), but read as this class (an inflected form with a subject before it and an object after)
/// its findings were right at least half the time on train: 22 verbs, +390 reports found, -150
/// wrong (indirect F1 train 0.539 -> 0.555, dev 0.546 -> 0.566); "pledge", "reveal",
/// "recommend", "admit", "back", "unveil" and "intend" were tried and left out (fewer than half
/// right). "hope" (also in [`BELIEF`]) joined later: "hoped to …", 13 found, 2 wrong.
/// Words also in [`SPEECH`], [`LABEL`] or [`BELIEF`] keep their class and gain [`Cue::object`].
#[cfg_attr(not(test), allow(dead_code))] // read only to generate FORM_TABLE
const STANCE: &[&str] = &[
    "endorse",
    "criticize",
    "criticise",
    "accuse",
    "defend",
    "decline",
    "refuse",
    "cite",
    "seek",
    "sought",
    "blame",
    "condemn",
    "attack",
    "mock",
    "question",
    "tout",
    "slam",
    "blast",
    "praise",
    "reject",
    "dismiss",
    "urge",
    "ask",
    "vow",
    "claim",
    "deny",
    "denied",
    "insist",
    "predict",
    "oppose",
    "welcome",
    "announce",
    "mention",
    "express",
    "propose",
    "support",
    "want",
    "plan",
    "discuss",
    "describe",
    "demand",
    "promise",
    "threaten",
    "stress",
    "emphasize",
    "reiterate",
    "acknowledge",
    "suggest",
    "favor",
    "push",
    "outline",
    "decide",
    "agree",
    "hope",
    "denounce",
    "decry",
    "hail",
    "deride",
    "assail",
    "lambaste",
    "applaud",
    "back",
    "request",
    "encourage",
    "prefer",
    "portray",
    "champion",
    "rebuke",
    "repeat",
    "thank",
    "invoke",
    "reference",
    "promote",
    "remind",
    "list",
    "deem",
    "convince",
    "persuade",
    "issue",
    "view",
    "remember",
];

/// Verbs that give the quoted words as a label for an object.
#[cfg_attr(not(test), allow(dead_code))] // read only to generate FORM_TABLE
const LABEL: &[&str] = &[
    "call",
    "dismiss",
    "reject",
    "describe",
    "label",
    "brand",
    "denounce",
    "blast",
    "slam",
    "characterize",
    "characterise",
    "praise",
    "hail",
    "decry",
    "deride",
    "term",
    "refer",
];

#[cfg(test)]
/// Every form of `stems` that [`is_form`] accepts, generated once: stem, stem + s/es/ed/d/ing,
/// "-e" dropped before "-ing", "-y" made "-ies", the final consonant doubled.
fn forms(stems: &[&str]) -> rustc_hash::FxHashSet<String> {
    let mut out = rustc_hash::FxHashSet::default();
    for &st in stems {
        out.insert(st.to_string());
        for suffix in ["s", "es", "ed", "d", "ing"] {
            out.insert(format!("{st}{suffix}"));
            if let Some(last) = st.chars().last().filter(char::is_ascii) {
                out.insert(format!("{st}{last}{suffix}"));
            }
        }
        if let Some(b) = st.strip_suffix('e') {
            out.insert(format!("{b}ing"));
        }
        if let Some(b) = st.strip_suffix('y') {
            out.insert(format!("{b}ies"));
        }
    }
    out.retain(|f| is_form(f, stems));
    out
}

/// Bits of [`FORMS`]: which lists a form belongs to.
const IN_SPEECH: u8 = 1;
const IN_LABEL: u8 = 2;
const IN_BELIEF: u8 = 4;
const IN_STANCE: u8 = 8;

// Bits of [`FORMS`] beyond its lists: what [`classify_in`] asks of a form, answered by the one
// look-up that finds its lists (a set's look-up and two lists' scans of their own cost about
// 1.5 M instructions on 200 PolNeAR train articles). Set only on forms: a word that is no form
// is no cue whatever these say, so they are never asked of it.
/// On [`AMBIGUOUS_WORDS`].
const AMBIGUOUS_FORM: u8 = 16;
/// A stem of [`STANCE`] as listed ("support"), not a form made from one.
const STANCE_STEM: u8 = 32;
/// On [`LISTENER_VERBS`]: takes a listener before its content.
const TAKES_LISTENER: u8 = 64;

/// Every form of [`SPEECH`], [`LABEL`], [`BELIEF`] and [`STANCE`] with the lists it is a form of: one
/// lookup per word instead of one per list. Hashed from the generated table [`FORM_TABLE`], so
/// the first scan (in the browser, the first badge) does not wait for the forms to be generated;
/// the bits of [`AMBIGUOUS_FORM`], [`STANCE_STEM`] and [`TAKES_LISTENER`] are added to the forms
/// they hold of.
static FORMS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut forms: FxHashMap<&'static str, u8> = FORM_TABLE.iter().copied().collect();
    for (words, bit) in [
        (AMBIGUOUS_WORDS, AMBIGUOUS_FORM),
        (STANCE, STANCE_STEM),
        (LISTENER_VERBS, TAKES_LISTENER),
    ] {
        for w in words {
            if let Some(bits) = forms.get_mut(w) {
                *bits |= bit;
            }
        }
    }
    forms
});

/// The [`FORMS`] bits of folded word `w`: 0 when it is no form.
#[inline]
fn form_bits(w: &str) -> u8 {
    FORMS.get(w).copied().unwrap_or(0)
}

/// [`generated_forms`], written out by `BLESS=1 cargo test -p quotetrace cue006` (the test
/// checks it is current).
const FORM_TABLE: &[(&str, u8)] = &include!("cue_forms.in");

/// Every form of [`SPEECH`], [`LABEL`], [`BELIEF`] and [`STANCE`] with the lists it is a form of, sorted:
/// what [`FORM_TABLE`] holds.
#[cfg(test)]
fn generated_forms() -> Vec<(String, u8)> {
    let mut out: FxHashMap<String, u8> = FxHashMap::default();
    for (stems, bit) in [
        (SPEECH, IN_SPEECH),
        (LABEL, IN_LABEL),
        (BELIEF, IN_BELIEF),
        (STANCE, IN_STANCE),
    ] {
        for f in forms(stems) {
            *out.entry(f).or_default() |= bit;
        }
    }
    let mut v: Vec<(String, u8)> = out.into_iter().collect();
    v.sort();
    v
}

#[cfg(test)]
/// Whether `w` (folded lowercase) is a form of one of `stems`: the reference the generated
/// [`forms`] sets are checked against.
fn is_form(w: &str, stems: &[&str]) -> bool {
    if stems.contains(&w) {
        return true;
    }
    for suffix in ["s", "es", "ed", "d", "ing"] {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        if base.len() < 2 {
            continue;
        }
        // Only a stem takes a suffix: an irregular past listed beside its stem ("said", "found")
        // is a form already ("founding" and "crowd" are no forms of "find" and "crow").
        let stem = |b: &str| stems.contains(&b) && !is_listed_past(b);
        let direct = match suffix {
            "d" => base.ends_with('e'),
            "es" => {
                base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch")
            }
            "s" => !base.ends_with('s'),
            _ => true,
        };
        if direct && stem(base) {
            return true;
        }
        // "noting" -> "note".
        if suffix == "ing" && stem(&format!("{base}e")) {
            return true;
        }
        // "replies" -> "reply", "replied" -> "reply".
        if matches!(suffix, "es" | "ed") {
            if let Some(b) = base.strip_suffix('i') {
                if stem(&format!("{b}y")) {
                    return true;
                }
            }
        }
        // Doubled final consonant: "quipped" -> "quip", "admitted" -> "admit".
        let bytes = base.as_bytes();
        if matches!(suffix, "ed" | "ing")
            && bytes.len() >= 3
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && stem(&base[..base.len() - 1])
        {
            return true;
        }
    }
    false
}

/// Whether a listed word is an irregular past or participle written out beside its stem
/// ("said", "told", "found"): it takes no suffix of its own.
#[cfg(test)]
fn is_listed_past(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "told"
            | "wrote"
            | "written"
            | "replied"
            | "denied"
            | "testified"
            | "pled"
            | "begged"
            | "predicted"
            | "acknowledged"
            | "projected"
            | "found"
            | "shown"
            | "thought"
            | "felt"
            | "knew"
            | "known"
            | "saw"
            | "seen"
            | "heard"
            | "understood"
            | "learned"
            | "learnt"
            | "worried"
            | "cried"
            | "sought"
    )
}

/// Verbs that are stance cues with a particle, as one cue of two words: "called for", "called
/// on", "pushed for", "pointed to", "referring to", "talked about" (PolNeAR train: +47 reports
/// found, -17 wrong).
fn is_phrasal_stance(w: &str, next: Option<&str>) -> bool {
    let stem = w
        .strip_suffix("ing")
        .or_else(|| w.strip_suffix("ed"))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    next.is_some_and(|n| {
        PHRASAL
            .iter()
            .any(|(particle, stems)| *particle == n && stems.contains(&stem))
    })
}

/// The particles of [`is_phrasal_stance`] and the verb stems (as its suffix stripping leaves
/// them) that take each.
const PHRASAL: &[(&str, &[&str])] = &[
    (
        "for",
        &[
            "call", "push", "press", "argu", "lobby", "advocat", "advocate",
        ],
    ),
    ("on", &["call"]),
    (
        "against",
        &["vot", "vote", "rail", "argu", "argue", "spoke", "speak"],
    ),
    ("to", &["point", "referr", "refer"]),
    (
        "about",
        &["talk", "spoke", "speak", "complain", "boast", "brag"],
    ),
];

/// "Parents see the mayor as the candidate with the stronger plan …", "she sees him as a
/// serious rival": a verb of seeing with an object and "as" is an opinion, the object and its "as"
/// phrase the content. Not an infinitive ("to see him as …" is a wish) nor a passive ("seen as"
/// is read by the raising rules). Only "see", "sees" and "saw": [`cue_at`]'s prefilter passes no
/// form of "view" or "regard" (adding them is a rules change, to be measured).
fn sees_as(text: &str, words: &[crate::text::Word], i: usize) -> Option<Cue> {
    let w = &words[i];
    if !matches!(w.span.of(text), "see" | "sees" | "saw") {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| words[p].span.of(text));
    if prev.is_none_or(|p| {
        matches!(
            p,
            "to" | "To" | "the" | "a" | "his" | "her" | "their" | "of"
        )
    }) {
        return None;
    }
    let next = words.get(i + 1)?.span.of(text);
    if matches!(
        next,
        "as" | "to" | "that" | "if" | "whether" | "why" | "how" | "what"
    ) {
        return None;
    }
    // "as" within a few words of the object, with nothing but words between.
    let reach = words.len().min(i + 2 + SEES_AS_REACH_WORDS);
    let as_at = (i + 2..reach).find(|&k| words[k].span.of(text) == "as")?;
    let between = &text[w.span.end..words[as_at].span.start];
    if between.contains([',', ';', ':', '.', '(', '—', '–', '“', '"']) {
        return None;
    }
    // "sees issues as “absolutely black and white”": a quoted judgement is the quote's.
    let after_as = &text[words[as_at].span.end..];
    if after_as.trim_start().starts_with(['“', '"', '‘', '\'']) {
        return None;
    }
    Some(Cue {
        span: w.span,
        class: CueClass::Stance,
        takes_listener: false,
        object: true,
    })
}

/// Most words between a verb of seeing and its "as" ([`sees_as`]).
const SEES_AS_REACH_WORDS: usize = 8;

/// Whether `words[i]`, a form of "call", names its object: a pronoun follows, then a word that
/// opens a name or a judgement, no particle, preposition or time word.
fn names_object(text: &str, words: &[crate::text::Word], i: usize) -> bool {
    let at = |k: usize| words.get(k).map(|w| w.span.of(text));
    let adjacent = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| text[words[k - 1].span.end..w.span.start] == *" ")
    };
    matches!(at(i), Some("call" | "calls" | "called"))
        && matches!(
            at(i + 1),
            Some("him" | "her" | "it" | "them" | "himself" | "herself" | "themselves" | "itself")
        )
        && adjacent(i + 1)
        && adjacent(i + 2)
        && at(i + 2).is_some_and(|n| {
            n.starts_with(char::is_lowercase)
                && !crate::text::with_fold(n, |f| {
                    crate::lexicon::is(crate::lexicon::BETWEEN_WORDS, f)
                        || crate::lexicon::is(crate::lexicon::NP_PREPOSITIONS, f)
                        || matches!(
                            f,
                            "to" | "back"
                                | "up"
                                | "out"
                                | "and"
                                | "or"
                                | "but"
                                | "off"
                                | "over"
                                | "after"
                                | "before"
                                | "when"
                                | "if"
                                | "because"
                                | "that"
                        )
                })
        })
}

/// Verbs of finding, whose subject is a noun of evidence: "polls show", "the study found".
pub(crate) fn is_finding_verb(w: &str) -> bool {
    matches!(
        w,
        "show"
            | "shows"
            | "showed"
            | "found"
            | "finds"
            | "find"
            | "suggest"
            | "suggests"
            | "suggested"
            | "indicate"
            | "indicates"
            | "indicated"
    )
}

/// How many words before a verb of finding its noun of evidence may stand.
const EVIDENCE_REACH_WORDS: usize = 6;

/// Nouns of evidence whose verbs of finding report content: "polls show", "records showed",
/// "the study found".
pub(crate) fn is_evidence_noun(w: &str) -> bool {
    matches!(
        w,
        "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "data"
            | "records"
            | "numbers"
            | "figures"
            | "report"
            | "reports"
            | "analysis"
            | "research"
            | "results"
            | "filings"
            | "documents"
            | "statistics"
            | "estimates"
            | "review"
            | "investigation"
            | "audit"
            | "test"
            | "tests"
            | "evidence"
            | "census"
            | "models"
    )
}

/// Words too ambiguous outside a verb position to be cues on their own: nouns far more often
/// than verbs (the past tense, "stated", "reported", is kept). Read as the bit
/// [`AMBIGUOUS_FORM`] of their [`FORMS`] entry rather than as a `matches!` of a hundred strings,
/// which compared them one length at a time.
const AMBIGUOUS_WORDS: &[&str] = &[
    "state",
    "states",
    "post",
    "posts",
    "report",
    "reports",
    "order",
    "orders",
    "charge",
    "charges",
    "rule",
    "rules",
    "find",
    "finds",
    "show",
    "shows",
    "offer",
    "offers",
    "put",
    "puts",
    "project",
    "projects",
    "forecast",
    "forecasts",
    "point",
    "see",
    "sees",
    "hear",
    "hears",
    "figure",
    "figures",
    "counter",
    "counters",
    "found",
    "saw",
    "seen",
    "shown",
    "written",
    "known",
    "comment",
    "comments",
    "term",
    "terms",
    "call",
    "calls",
    "estimate",
    "estimates",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "demand",
    "demands",
    "fear",
    "fears",
    "hope",
    "hopes",
    "doubt",
    "doubts",
    "worry",
    "joke",
    "jokes",
    "signal",
    "signals",
    "vow",
    "vows",
    "whisper",
    "sigh",
    "beg",
    "question",
    "questions",
    "press",
    "answer",
    "answers",
    "challenge",
    "challenges",
    "hint",
    "hints",
    "echo",
    "echoes",
    "cry",
    "cries",
    "reason",
    "reasons",
    "read",
    "laugh",
    "laughs",
    "snap",
    "vent",
    "chant",
    "chants",
    "crow",
    "beam",
    "murmur",
    "thunder",
    "rave",
    "tout",
    "relate",
    "pressing",
    "reading",
    "reasoning",
    "answering",
    "questioning",
    "crying",
    "laughing",
];

/// Verbs that take a listener before their content: "told reporters", "warned voters that".
const LISTENER_VERBS: &[&str] = &[
    "told", "tell", "tells", "telling", "warned", "warn", "warns", "warning", "informed", "inform",
    "informs", "assured", "assure", "assures", "advised", "urged", "reminded", "asked",
];

/// How a word reads as a cue: its class, whether it takes a listener before its content ("told
/// reporters"), and whether its object is attributed content ([`Cue::object`]).
pub type Reading = (CueClass, bool, bool);

/// Modals before a verb's stem: "would support", "will back".
fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "would" | "will" | "could" | "should" | "might" | "may" | "must" | "can"
    )
}

/// Classifies one word (as written) as a cue, if it is one. `next` is the following word, needed
/// for "according to", "point out" and the particles of [`is_phrasal_stance`].
pub fn classify(word: &str, next: Option<&str>) -> Option<Reading> {
    let mut buf = [0u8; crate::text::FOLD_BUFFER];
    let w = crate::text::fold_into(word, &mut buf);
    classify_in(&w, form_bits(&w), next, false)
}

/// [`classify`] of a word whose [`crate::text::fold`] is `w` and whose [`form_bits`] are `lists`:
/// [`cue_at`] folds and looks up a word once for its prefilter, this and its own rules (they
/// each folded it, and two looked it up). `verb_position` when the word stands where only a
/// verb can (after a name or a subject pronoun, or an "-ing" form after "is"): then the words
/// too ambiguous to be cues elsewhere are read as verbs, and an "-ing" form is a finite verb, not
/// a participle.
fn classify_in(w: &str, lists: u8, next: Option<&str>, verb_position: bool) -> Option<Reading> {
    if w == "according" {
        return next
            .filter(|n| n.eq_ignore_ascii_case("to"))
            .map(|_| (CueClass::According, false, false));
    }
    if is_phrasal_stance(w, next) {
        let class = if w.ends_with("ing") && !verb_position {
            CueClass::Participle
        } else {
            CueClass::Stance
        };
        return Some((class, false, true));
    }
    // "went on: “…”": the phrasal verb of continuing to speak.
    if matches!(w, "went" | "goes" | "go") && next == Some("on") {
        return Some((CueClass::Speech, false, false));
    }
    // Every reading below is of a form of the verb lists.
    if lists == 0 {
        return None;
    }
    if matches!(w, "point" | "points" | "pointed" | "pointing") && next != Some("out") {
        return None;
    }
    // Words too ambiguous outside a verb position to be cues on their own.
    // "putting her ahead of her rival", "putting them at odds" is never a report (PolNeAR
    // train: 9 reports found, 17 wrong).
    if w == "putting" {
        return None;
    }
    // "back" and "backs" are an adverb or a noun far more often than the verb ("came back",
    // "back in 2008", "40 percent back Sanders" is the poll's): only "backed", "backing" are
    // cues (PolNeAR train: 16 reports found, 11 wrong; the stem 0 / 4, "backs" 1 / 2).
    // "issues" is the noun ("the issues that matter"): only "issued" and "issuing" are cues.
    if matches!(w, "back" | "backs" | "issue" | "issues") {
        return None;
    }
    if lists & AMBIGUOUS_FORM != 0
        && !verb_position
        && !(next == Some("that")
            && ((w.ends_with('s') && !w.ends_with("ss")) || matches!(w, "found" | "shown")))
    {
        // Nouns far more often than verbs; the past tense ("stated", "reported") is kept above.
        // Before "that" a present tense is a verb: "the poll shows that …", "she hopes that …".
        return None;
    }
    let participle = w.ends_with("ing") && !verb_position;
    let listener = lists & TAKES_LISTENER != 0;
    // A stance verb's bare stem is mostly an infinitive or a noun ("to endorse", "an attack"):
    // only its inflected forms take their object as content.
    // An irregular past listed beside its stem ("sought") is no bare stem.
    // In a verb position ("would support later school start times", "most voters want a
    // wall") the stem is a finite verb or an infinitive after a modal, and takes its object.
    let bare = lists & IN_STANCE != 0
        && lists & STANCE_STEM != 0
        && !w.ends_with("ed")
        && w != "sought"
        && !(verb_position && (next != Some("to") || w == "want"));
    let object = lists & IN_STANCE != 0 && !bare;
    if lists & IN_SPEECH != 0 {
        let class = if participle {
            CueClass::Participle
        } else {
            CueClass::Speech
        };
        return Some((class, listener, object));
    }
    if lists & IN_LABEL != 0 {
        return Some((
            if participle {
                CueClass::Participle
            } else {
                CueClass::Label
            },
            false,
            object,
        ));
    }
    if lists & IN_BELIEF != 0 && !participle {
        return Some((CueClass::Belief, false, object));
    }
    if object {
        // "…, citing fears of terrorism": a stance verb's participle after a comma reports its
        // object, with the clause's subject as speaker (PolNeAR train: 121 fixed, 89 broken;
        // indirect F1 train 0.639 -> 0.642, dev 0.648 -> 0.655). Not "supporting" (a bill
        // supporting …: 6 / 13) nor "discussing" (0 / 3), which mostly describe, not report.
        if participle && matches!(w, "supporting" | "discussing") {
            return None;
        }
        let class = if participle {
            CueClass::Participle
        } else {
            CueClass::Stance
        };
        return Some((class, listener, true));
    }
    None
}

/// Whether [`classify`] can find a cue in folded word `w`, whatever the next word: the words it
/// names, and the forms of the verb lists.
fn may_be_cue(w: &str) -> bool {
    FORMS.contains_key(w) || may_be_cue_unlisted(w)
}

/// [`may_be_cue`] of a folded word that is no form of the verb lists: [`NAMED`], or a phrasal
/// verb's form.
fn may_be_cue_unlisted(w: &str) -> bool {
    NAMED.contains(&w)
        || (w.starts_with(PHRASAL_FIRST_LETTERS)
            && PHRASAL
                .iter()
                .any(|(particle, _)| is_phrasal_stance(w, Some(particle))))
}

/// The first letters of [`PHRASAL`]'s stems: a word that starts with none of them is no phrasal
/// verb, without stripping its suffixes for each particle (`cue031` keeps the list whole).
const PHRASAL_FIRST_LETTERS: [char; 9] = ['a', 'b', 'c', 'l', 'p', 'r', 's', 't', 'v'];

/// The words [`classify`] names outside the verb lists and [`PHRASAL`], and the verbs of
/// [`light_verb`].
const NAMED: &[&str] = &[
    "according",
    "went",
    "goes",
    "go",
    "made",
    "makes",
    "like",
    "eager",
    "hopeful",
];

/// Nouns that make "made" a verb of saying: "made the case that …", "made clear that …", "made
/// no mention of …", "made several statements affirming …".
pub(crate) const LIGHT_NOUNS: &[&str] = &[
    "case",
    "clear",
    "suggestion",
    "argument",
    "point",
    "claim",
    "claims",
    "mention",
    "secret",
    "reference",
    "comment",
    "comments",
    "statement",
    "statements",
    "appeal",
    "promise",
    "pledge",
    "prediction",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "remarks",
];

/// Words that may stand between "made" and its noun (at most [`LIGHT_MODIFIERS_MAX`]).
fn is_light_modifier(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "no"
            | "it"
            | "several"
            | "similar"
            | "similarly"
            | "direct"
            | "favorable"
            | "strong"
            | "repeated"
            | "public"
            | "his"
            | "her"
            | "their"
            | "its"
            | "little"
            | "this"
            | "that"
            | "same"
            | "bigoted"
            | "false"
    )
}

/// Most words between "made" and its noun.
const LIGHT_MODIFIERS_MAX: usize = 3;

/// "made" (or "makes") with a noun of saying: one cue from the verb to the noun and its
/// preposition ("made no mention of", "made the case"), a verb of saying whose object is content.
fn light_verb(text: &str, words: &[crate::text::Word], i: usize) -> Option<Cue> {
    let w = &words[i];
    if !matches!(w.span.of(text), "made" | "makes") {
        return None;
    }
    let mut j = i + 1;
    while j < words.len()
        && j <= i + LIGHT_MODIFIERS_MAX
        && crate::text::with_fold(words[j].span.of(text), is_light_modifier)
    {
        j += 1;
    }
    let noun = words.get(j)?;
    if !crate::text::with_fold(noun.span.of(text), |f| LIGHT_NOUNS.contains(&f)) {
        return None;
    }
    // "makes this clear in her documentary" reports nothing: "clear" only before "that".
    if noun.span.of(text) == "clear" && words.get(j + 1).is_none_or(|n| n.span.of(text) != "that") {
        return None;
    }
    let after = words.get(j + 1).map(|p| p.span.of(text));
    // "made the case to 23 group leaders that …": the listener, then the content.
    let listener = after == Some("to") && !matches!(noun.span.of(text), "reference" | "appeal");
    let end = match words.get(j + 1) {
        Some(p)
            if matches!(p.span.of(text), "of" | "to" | "about" | "for" | "against")
                && !listener =>
        {
            p.span.end
        }
        _ => noun.span.end,
    };
    Some(Cue {
        span: Span::new(w.span.start, end),
        class: CueClass::Speech,
        takes_listener: listener,
        object: true,
    })
}

/// Whether word `raw` (as written) may be a cue: [`may_be_cue`] of its fold, mostly decided
/// without folding it or hashing it into [`FORMS`]. An ASCII word's fold is its lowercase, so a
/// hash of its lowercase bytes is looked up first in a bitmap of the hashes of every ASCII word
/// [`may_be_cue`] accepts (about 1,500 bits set of 65,536): most words of prose fail there, for
/// a few instructions a byte. [`cue_at`] makes these tests in turn, keeping the fold and its
/// [`form_bits`] for its rules; this is the tests' reference.
#[cfg(test)]
fn may_be_cue_raw(raw: &str) -> bool {
    passes_keys(raw) && crate::text::with_fold(raw, may_be_cue)
}

/// The first test of the prefilter of [`cue_at`] (`may_be_cue_raw` in the tests): `false` when
/// `raw` is ASCII and its [`ascii_key`] is not among [`CUE_KEYS`] (no cue, without folding it).
#[inline]
fn passes_keys(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1] == b'.' {
        n -= 1;
    }
    ascii_key(&b[..n]).is_none_or(|k| CUE_KEYS[k / 64] & (1 << (k % 64)) != 0)
}

/// Whether the word at `span` of `text` (bytes) may be a cue: `false` only where [`cue_at`]
/// finds none whatever the word's neighbours. The same test as [`cue_at`]'s first, made
/// without slicing the text as a `str` and with the hash's last bytes read in one load: for
/// [`crate::wordindex::WordIndex`], which asks it of every word of a page and [`cue_at`] of the
/// one word in ten or so that passes.
#[inline]
pub fn may_be_cue_at(text: &[u8], span: Span) -> bool {
    let mut end = span.end;
    while end > span.start && text[end - 1] == b'.' {
        end -= 1;
    }
    may_be_cue_bare(text, Span::new(span.start, end), cue_keys())
}

/// [`CUE_KEYS`], forced: for a loop over every word of a page, which reads the map once
/// instead of checking that it is built at each word ([`may_be_cue_bare`]).
pub(crate) fn cue_keys() -> &'static [u64] {
    &CUE_KEYS
}

/// [`may_be_cue_at`] of a word whose `span` ends before its final periods (as
/// [`crate::text::for_each_word`] gives it): the word index's pass, which has that end, skips
/// the trimming (2 M of its instructions on 200 train articles). `keys` is [`cue_keys`], read
/// once by the caller: the look-up of a `LazyLock` at each word cost 0.8 M instructions there.
#[inline(always)]
pub(crate) fn may_be_cue_bare(text: &[u8], span: Span, keys: &[u64]) -> bool {
    let end = span.end;
    // [`cue_at`]'s second test: a capitalized word is no cue but "According" (a word that
    // opens with a capital A-Z is capitalized; one whose periods trim to "according" is
    // passed on). Made before the hash, which a capitalized word (one in six or so) then
    // does not pay for.
    if text[span.start].is_ascii_uppercase()
        && !text[span.start..end].eq_ignore_ascii_case(b"according")
    {
        return false;
    }
    let (h, ascii) = crate::text::ascii_case_hash_in(text, span.start, end);
    let k = (h >> (32 - KEY_BITS)) as usize;
    if ascii {
        return keys[k / 64] & (1 << (k % 64)) != 0;
    }
    // A word with a curly apostrophe ("it’s", "don’t": most of the words that are not ASCII)
    // folds into one with a plain apostrophe, which no cue word holds (`cue030`).
    !text[span.start..end]
        .windows(3)
        .any(|w| w == "’".as_bytes())
}

/// Bits of an [`ascii_key`]. Trade-off: the map is 2^18 bits (32 KB), of which about 1,400
/// are set, so about one word in 190 that is no cue word passes it; with 16 bits (8 KB), one in
/// 48, among them words as common as "you", "what" and "election", each then read by
/// [`cue_at`] (200 train articles: 0.45 M fewer instructions and 13k fewer mispredicted
/// branches in callgrind's simulation with 18 bits).
const KEY_BITS: u32 = 18;

/// A hash of the lowercase of `w` (the top [`KEY_BITS`] bits of
/// [`crate::text::ascii_case_hash`]), or `None` when `w` is not ASCII.
fn ascii_key(w: &[u8]) -> Option<usize> {
    let (h, ascii) = crate::text::ascii_case_hash(w);
    ascii.then_some((h >> (32 - KEY_BITS)) as usize)
}

/// The [`ascii_key`]s of the ASCII words [`may_be_cue`] accepts: the forms, [`NAMED`], and the
/// suffixed stems of [`PHRASAL`]. (A word that is not ASCII never folds equal to an ASCII one.)
static CUE_KEYS: LazyLock<Box<[u64]>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (1 << KEY_BITS) / 64];
    let phrasal = PHRASAL.iter().flat_map(|(_, stems)| {
        stems
            .iter()
            .flat_map(|st| ["", "ing", "ed", "s"].map(|suffix| format!("{st}{suffix}")))
    });
    let words = FORMS
        .keys()
        .chain(NAMED)
        .map(|w| w.to_string())
        .chain(phrasal);
    for w in words.filter(|w| may_be_cue(w)) {
        if let Some(k) = ascii_key(w.as_bytes()) {
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits.into_boxed_slice()
});

/// Whether `words[i]`, an "-ing" form, follows an auxiliary of the progressive ("is arguing",
/// "were quietly pressing", "has been saying").
fn is_progressive(text: &str, words: &[crate::text::Word], i: usize) -> bool {
    let aux = |k: usize| {
        crate::text::with_fold(words[k].span.of(text), |f| {
            matches!(f, "is" | "are" | "was" | "were" | "been" | "be" | "am")
        })
    };
    match i {
        0 => false,
        1 => aux(0),
        _ => aux(i - 1) || (words[i - 1].span.of(text).ends_with("ly") && aux(i - 2)),
    }
}

/// Whether folded word `w` is a possessive ("trump’s", "the party's"): the word after it is a
/// noun ("Trump’s remarks", "Clinton’s attacks"), not a verb. (A participle after it, "Trump’s
/// proposed ban", still reports: PolNeAR annotates it.) Not a pronoun's contraction of "is" or
/// "has" ("he's said", "that’s").
pub(crate) fn is_possessive(w: &str) -> bool {
    let stem = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or_default();
    !stem.is_empty()
        && !matches!(
            stem,
            "he" | "she"
                | "it"
                | "that"
                | "there"
                | "what"
                | "who"
                | "here"
                | "where"
                | "everyone"
                | "everybody"
                | "nobody"
                | "someone"
                | "somebody"
                | "let"
        )
}

/// The cues among `words` (spans into `text`), in order. "according to" is one cue of two words.
pub fn find_cues(text: &str, words: &[crate::text::Word]) -> Vec<Cue> {
    (0..words.len())
        .filter_map(|i| cue_at(text, words, i))
        .collect()
}

/// The cue that `words[i]` is, read with its neighbours in `words` (the word before it and the
/// word after it, when `words` has them), if it is one.
pub fn cue_at(text: &str, words: &[crate::text::Word], i: usize) -> Option<Cue> {
    // Most words are no cue whatever their neighbours: [`classify`] finds one only among these
    // ([`may_be_cue_raw`], with the fold and the look-up kept for the rules below).
    if !passes_keys(words[i].span.of(text)) {
        return None;
    }
    cue_at_passed(text, words, i)
}

/// [`cue_at`] of a word that [`may_be_cue_at`] passes (which implies [`passes_keys`]): for
/// [`crate::wordindex::WordIndex`], which reads a word's cue only where its bit says so, and
/// so skips hashing the word again (200 PolNeAR train articles in callgrind: 0.58 M fewer
/// instructions).
pub(crate) fn cue_at_passed(text: &str, words: &[crate::text::Word], i: usize) -> Option<Cue> {
    let w = &words[i];
    let raw = w.span.of(text);
    let mut buf = [0u8; crate::text::FOLD_BUFFER];
    let folded = crate::text::fold_into(raw, &mut buf);
    let lists = form_bits(&folded);
    if lists == 0 && !may_be_cue_unlisted(&folded) {
        return None;
    }
    let next = words.get(i + 1).map(|n| n.span.of(text));
    // A capitalized cue word is a headline's or a noun ("Suspects", "White House Says …"):
    // only "According" opens a sentence as a cue.
    if crate::text::is_capitalized(raw) && !raw.eq_ignore_ascii_case("according") {
        return None;
    }
    // A passive ("claimed by the group", "being posted") names no speaker before the verb;
    // after a determiner the word is an adjective ("an estimated 200", "his stated aim").
    let adjacent = words
        .get(i + 1)
        .is_some_and(|n| text[w.span.end..n.span.start].trim().is_empty());
    if adjacent && next.is_some_and(|n| n == "by") {
        return None;
    }
    if i.checked_sub(1).is_some_and(|p| {
        let prev = words[p].span.of(text);
        crate::text::folds_to_any(
            prev,
            &[
                "being", "a", "an", "the", "his", "her", "their", "its", "our",
            ],
        ) || (!raw.ends_with("ed")
            && (prev.ends_with("'s") || prev.ends_with("’s"))
            && crate::text::with_fold(prev, is_possessive))
    }) {
        return None;
    }
    if let Some(cue) = light_verb(text, words, i) {
        return Some(cue);
    }
    // "The White House would like to make November's election a battle about …": a wish, like
    // "wants to"; "like" is a cue nowhere else.
    // "Sanders is eager to …", "she was hopeful that …": an adjective of stance after a form of
    // "be", before "to" or "that" (PolNeAR train: 8 fixed, 1 broken; "willing" 1 / 5 and
    // "determined" 1 / 2 were left out).
    if matches!(raw, "eager" | "hopeful") {
        let be = |k: usize| {
            matches!(
                words[k].span.of(text),
                "is" | "are" | "was" | "were" | "be" | "been" | "am"
            )
        };
        let stance = matches!(next, Some("to" | "that"))
            && i.checked_sub(1).is_some_and(|p| {
                be(p) || (p > 0 && words[p].span.of(text).ends_with("ly") && be(p - 1))
            });
        return stance.then_some(Cue {
            span: w.span,
            class: CueClass::Stance,
            takes_listener: false,
            object: true,
        });
    }
    if raw == "like" {
        let wish = next == Some("to")
            && i.checked_sub(1)
                .is_some_and(|p| matches!(words[p].span.of(text), "would" | "'d" | "’d"));
        return wish.then_some(Cue {
            span: w.span,
            class: CueClass::Stance,
            takes_listener: false,
            object: true,
        });
    }
    if let Some(cue) = sees_as(text, words, i) {
        return Some(cue);
    }
    // "271 pledged delegates": an adjective of the count.
    if raw == "pledged" && next.is_some_and(|n| matches!(n, "delegates" | "delegate")) {
        return None;
    }
    // "states" is the plural noun far more often than the verb ("Rust Belt states have
    // suffered", "Southern states that will hold contests"): a cue only before "that" after a
    // lowercase word that is no number, or after "It"/"He"/"She" ("the law states that …").
    if raw == "states"
        && (next != Some("that")
            || i.checked_sub(1).is_none_or(|p| {
                let prev = words[p].span.of(text);
                !(prev.starts_with(char::is_lowercase) || matches!(prev, "It" | "He" | "She"))
                    || crate::lexicon::is(crate::lexicon::NUMBERS, prev)
                    || matches!(prev, "other" | "these" | "those" | "all" | "both" | "many")
            }))
    {
        return None;
    }
    let (class, takes_listener, object) = classify_in(&folded, lists, next, false)
        .or_else(|| {
            // "polls show Trump leading", "the survey found 449 insiders back Clinton": a verb of
            // finding after a noun of evidence, whose object is what the evidence says.
            // The noun heads the subject a few words back: "FEC records from the 2008 cycle show".
            let evidence = || {
                (i.saturating_sub(EVIDENCE_REACH_WORDS)..i)
                    .any(|k| crate::text::with_fold(words[k].span.of(text), is_evidence_noun))
            };
            let finding = is_finding_verb(&folded);
            (finding && evidence()).then_some((CueClass::Stance, false, true))
        })
        .map(|reading| {
            // "is demanding that …", "were quietly arguing …": a progressive is the finite verb of
            // its clause, whose subject stands before the auxiliary; no participle.
            if reading.0 == CueClass::Participle && is_progressive(text, words, i) {
                classify_in(&folded, lists, next, true).unwrap_or(reading)
            } else {
                reading
            }
        })
        .or_else(|| {
            // "Clinton hopes to …", "he fears the plan …": a present tense after a name or "he"/"she",
            // before its object, is a verb, however often the word is a noun elsewhere.
            let present = raw.ends_with('s') && !raw.ends_with("ss");
            let after_subject = i.checked_sub(1).is_some_and(|p| {
                let prev = words[p].span.of(text);
                let adjacent = text[words[p].span.end..w.span.start].trim().is_empty();
                // "He hopes …", "They fear …" open sentences as often as they follow a comma.
                let singular = matches!(prev, "he" | "she" | "He" | "She" | "who")
                    || (crate::text::is_capitalized(prev)
                        && p > 0
                        && !crate::lexicon::is_word(crate::lexicon::FUNCTION_WORDS, prev));
                // "some Democratic strategists fear that …", "Many fear Trump will …",
                // "Democrats hope they …", "those who fear …": the stem after a plural subject
                // (a capitalized plural too, when it is no function word).
                let plural = matches!(
                    prev,
                    "they"
                        | "we"
                        | "many"
                        | "some"
                        | "others"
                        | "They"
                        | "We"
                        | "Many"
                        | "Some"
                        | "Others"
                        | "who"
                        | "both"
                        | "Both"
                        | "most"
                        | "Most"
                        // "60 percent support …", "4 in 10 want …", "a majority want …".
                        | "percent"
                        | "majority"
                        | "half"
                ) || is_modal(prev)
                    || (!prev.is_empty() && prev.bytes().all(|b| b.is_ascii_digit()))
                    || (prev.len() > 3
                        && prev.ends_with('s')
                        && !prev.ends_with("ss")
                        && (prev.starts_with(char::is_lowercase)
                            || !crate::lexicon::is_word(crate::lexicon::FUNCTION_WORDS, prev)));
                // "others who want to ban abortion said …": a wish in a relative clause runs
                // into the sentence's own verb; left to it.
                let relative_wish = prev == "who" && raw == "want";
                adjacent && !relative_wish && if present { singular } else { plural }
            });
            let object_follows = next.is_some_and(|n| {
                crate::text::with_fold(n, |n| {
                    matches!(
                        n,
                        "to" | "that" | "the" | "a" | "an" | "his" | "her" | "their"
                    )
                    // "Sanders calls himself a democratic socialist", "voters oppose it"
                    // (PolNeAR train: 4 fixed, 0 broken).
                }) || matches!(
                    n,
                    "himself" | "herself" | "themselves" | "itself" | "him" | "them" | "it"
                )
                    // "Two-thirds support reducing the sentences …": a gerund's clause.
                    || (n.len() > 5 && n.ends_with("ing") && n.starts_with(char::is_lowercase))
            });
            // "Democrats hope they will …", "Many fear Trump will …": the subject of the
            // object clause, a pronoun or a name (PolNeAR train, with the capitalized plural
            // subject: 59 reports fixed, 21 broken).
            let subject_follows = next.is_some_and(|n| {
                matches!(n, "he" | "she" | "they" | "we" | "it" | "I" | "you")
                    || (crate::text::is_capitalized(n)
                        && !crate::lexicon::is_word(crate::lexicon::FUNCTION_WORDS, n))
            });
            after_subject
                .then(|| classify_in(&folded, lists, next, true))
                .flatten()
                .filter(|_| object_follows || subject_follows)
        })?;
    // A stance verb's present tense after a modifier of a noun phrase is a noun: "after the
    // Paris attacks", "in the GOP claims". Not before "that", nor after a noun of evidence: "the
    // poll shows Trump ahead", "the study finds that …".
    let present = raw.ends_with('s') && !raw.ends_with("ss");
    if class == CueClass::Stance
        && present
        && i >= 2
        && next != Some("that")
        && !crate::text::with_fold(words[i - 1].span.of(text), is_evidence_noun)
        && crate::text::with_fold(words[i - 2].span.of(text), |w| {
            crate::lexicon::is(crate::lexicon::DETERMINERS, w)
                || crate::lexicon::is(crate::lexicon::NP_PREPOSITIONS, w)
                || matches!(w, "after" | "before" | "by" | "to" | "against")
        })
    {
        return None;
    }
    // "Others call it the nerd prom", "Sanders called her fallen son her hero", "64 percent call
    // him competent": a verb of naming, a pronoun, then the name or judgement given, without
    // quotation marks. Not the telephone ("called her Tuesday", "called him back").
    let object = object || (class == CueClass::Label && names_object(text, words, i));
    let phrasal = is_phrasal_stance(&folded, next);
    let end = if class == CueClass::According || phrasal {
        words[i + 1].span.end
    } else {
        w.span.end
    };
    Some(Cue {
        span: Span::new(w.span.start, end),
        class,
        takes_listener,
        object,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue031_phrasal_first_letters_cover_every_stem() {
        for (_, stems) in PHRASAL {
            for st in *stems {
                assert!(st.starts_with(PHRASAL_FIRST_LETTERS), "{st}");
            }
        }
    }

    #[test]
    fn cue030_no_cue_word_holds_an_apostrophe() {
        // What lets `may_be_cue_at` pass no word with a curly apostrophe.
        for w in FORMS.keys().chain(NAMED) {
            assert!(!w.contains('\''), "{w}");
        }
        for (_, stems) in PHRASAL {
            assert!(stems.iter().all(|st| !st.contains('\'')));
        }
        let t = "It’s Trump’s, don’t said. According to Ann, ACCORDING to Bo, According. Says Al.";
        let ws = crate::text::words(t, Span::new(0, t.len()));
        for i in 0..ws.len() {
            if cue_at(t, &ws, i).is_some() {
                assert!(
                    may_be_cue_at(t.as_bytes(), ws[i].span),
                    "{}",
                    ws[i].span.of(t)
                );
            }
        }
    }

    /// The generated table is current: `BLESS=1` rewrites it.
    #[test]
    fn cue006_forms_table_is_generated() {
        let mut want = String::from("// Generated by `BLESS=1 cargo test -p quotetrace cue006` from the verb lists in cue.rs.\n[\n");
        for (f, bits) in generated_forms() {
            want.push_str(&format!("    ({f:?}, {bits}),\n"));
        }
        want.push_str("]\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/cue_forms.in");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            want,
            "run with BLESS=1"
        );
    }

    /// The pre-filter of `cue_at` never drops a word that `classify` finds a cue in.
    #[test]
    fn cue005_prefilter_keeps_every_cue() {
        let mut words: Vec<String> = FORMS.keys().map(|k| k.to_string()).collect();
        words.extend(
            [
                "according",
                "went",
                "goes",
                "go",
                "the",
                "on",
                "to",
                "out",
                "that",
            ]
            .map(String::from),
        );
        for w in &words {
            for next in [
                None,
                Some("to"),
                Some("on"),
                Some("out"),
                Some("that"),
                Some("by"),
            ] {
                if classify(w, next).is_some() {
                    assert!(may_be_cue(&crate::text::fold(w)), "{w} {next:?}");
                    assert!(may_be_cue_raw(w), "{w} {next:?}");
                }
            }
        }
    }

    #[test]
    fn cue007_key_filter() {
        for w in [
            "the",
            "government",
            "Said",
            "U.S.",
            "1990s",
            "ISIS-K’s",
            "said.",
            "SAYS",
        ] {
            assert_eq!(
                may_be_cue_raw(w),
                crate::text::with_fold(w, may_be_cue),
                "{w}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn cue008_key_filter_is_may_be_cue(w in "(said|call|tell|point|argu|[a-zA-Z’'.-]{0,3})[a-zA-Z’'.-]{0,4}") {
            proptest::prop_assert_eq!(may_be_cue_raw(&w), crate::text::with_fold(&w, may_be_cue));
        }
    }

    #[test]
    fn cue010_speech_forms() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "continued",
            "noted",
            "quipped",
            "admitted",
            "replied",
            "argues",
            "tweeted",
            "wrote",
        ] {
            assert_eq!(
                classify(w, None).map(|c| c.0),
                Some(CueClass::Speech),
                "{w}"
            );
        }
    }

    #[test]
    fn cue020_participles_labels_and_according() {
        assert_eq!(
            classify("saying", None).map(|c| c.0),
            Some(CueClass::Participle)
        );
        assert_eq!(
            classify("noting", None).map(|c| c.0),
            Some(CueClass::Participle)
        );
        assert_eq!(classify("called", None).map(|c| c.0), Some(CueClass::Label));
        assert_eq!(
            classify("dismissed", None).map(|c| c.0),
            Some(CueClass::Label)
        );
        assert_eq!(
            classify("According", Some("to")).map(|c| c.0),
            Some(CueClass::According)
        );
        assert_eq!(classify("according", Some("with")), None);
    }

    #[test]
    fn cue025_generated_forms_match_the_suffix_rules() {
        for stems in [SPEECH, LABEL, BELIEF, STANCE] {
            let set = forms(stems);
            for &st in stems {
                for w in [
                    st.to_string(),
                    format!("{st}s"),
                    format!("{st}ed"),
                    format!("{st}ing"),
                    format!("{}ing", st.trim_end_matches('e')),
                    format!("{}ies", st.trim_end_matches('y')),
                    format!("{st}{}ed", &st[st.len() - 1..]),
                ] {
                    assert_eq!(set.contains(&w), is_form(&w, stems), "{w}");
                }
            }
        }
    }

    #[test]
    fn cue040_present_tense_before_that() {
        assert_eq!(
            classify("shows", Some("that")).map(|c| c.0),
            Some(CueClass::Speech)
        );
        assert_eq!(
            classify("hopes", Some("that")).map(|c| c.0),
            Some(CueClass::Belief)
        );
        assert_eq!(classify("shows", Some("the")), None);
        assert_eq!(
            classify("went", Some("on")).map(|c| c.0),
            Some(CueClass::Speech)
        );
    }

    #[test]
    fn cue030_nouns_are_not_cues() {
        for w in [
            "reports", "state", "post", "Saturday", "sad", "salad", "adder", "told-off",
        ] {
            assert_eq!(classify(w, None), None, "{w}");
        }
        // "putting her ahead of her rival": a form of "put" that never reports.
        assert_eq!(classify("putting", Some("her")), None);
    }

    #[test]
    fn cue041_a_word_after_a_possessive_is_a_noun() {
        // PolNeAR train, paraphrased: "Hollande described Trump’s remarks as “…”" gave the quote
        // to "Trump’s" (PolNeAR train: 11 speakers fixed, 2 broken).
        let cue_words = |t: &str| {
            let ws = crate::text::words(t, Span::new(0, t.len()));
            find_cues(t, &ws)
                .into_iter()
                .map(|c| c.span.of(t).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cue_words("Hollande described Trump’s remarks as hurtful."),
            ["described"]
        );
        assert_eq!(
            cue_words("He criticized the party's claims about the plan."),
            ["criticized"]
        );
        // A participle after it still reports ("Trump’s proposed ban"); a pronoun's contraction
        // is no possessive.
        assert_eq!(cue_words("Trump’s proposed ban"), ["proposed"]);
        assert_eq!(
            cue_words("Many say he's said it; she's claims"),
            ["say", "said", "claims"]
        );
    }
}
