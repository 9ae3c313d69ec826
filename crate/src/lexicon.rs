//! Word lists the attribution rules share. Lowercase; compared against [`crate::text::fold`]ed words.

use std::sync::LazyLock;

use crate::text::{
    ascii_case_hash, ascii_case_hash_head, load_short, lower_ascii8, trim_periods, with_fold,
    WordSet,
};

/// Nouns that head a speaker phrase without a name: "a US official", "the embassy", "sources".
pub static ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "senator",
    "president",
    "secretary",
    "minister",
    "director",
    "chief",
    "leader",
    "leaders",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "source",
    "sources",
    "embassy",
    "government",
    "ministry",
    "department",
    "agency",
    "campaign",
    "police",
    "residents",
    "lawmakers",
    "lawmaker",
    "member",
    "members",
    "professor",
    "researcher",
    "researchers",
    "economist",
    "economists",
    "candidate",
    "nominee",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "ambassador",
    "attorney",
    "lawyer",
    "lawyers",
    "judge",
    "general",
    "commander",
    "manager",
    "executive",
    "representative",
    "statement",
    "report",
    "study",
    "survey",
    "poll",
    "people",
    "witness",
    "witnesses",
    "voters",
    "supporters",
    "critics",
    "officer",
    "officers",
    "administration",
    "white",
    "house",
    "office",
    "committee",
    "council",
    "court",
    "prosecutor",
    "prosecutors",
    "investigators",
    "authorities",
    "ministry",
    "military",
    "army",
    "military",
    "group",
    "organization",
    "company",
    "firm",
    "spokesmen",
    "democrats",
    "republicans",
    "activists",
    "observers",
    "diplomats",
    "diplomat",
    "strategist",
    "strategists",
    "pollster",
    "historian",
    "scientist",
    "scientists",
    "doctor",
    "doctors",
    "host",
    "anchor",
    "correspondent",
    "reporter",
    "reporters",
    "editor",
    "columnist",
    "author",
    "authors",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "colleague",
    "neighbor",
    "owner",
    "worker",
    "workers",
    "employee",
    "employees",
    "staff",
    "staffer",
    "staffers",
    "operative",
    "operatives",
    "insider",
    "insiders",
    "allies",
    "ally",
    "opponent",
    "opponents",
    "rival",
    "rivals",
    "partner",
    "team",
    "party",
    "union",
    "president-elect",
    "counsel",
    "surrogate",
    "surrogates",
    "advocate",
    "advocates",
    "representatives",
    "delegate",
    "delegates",
    "fan",
    "fans",
    "students",
    "student",
    "teacher",
    "organizers",
    "organizer",
    "consultant",
    "consultants",
    "specialist",
    "specialists",
    "official’s",
    "letter",
    "memo",
    "document",
    "documents",
    "filing",
    "complaint",
    "lawsuit",
    "indictment",
    "ruling",
    "website",
    "newspaper",
    "paper",
    "network",
    "magazine",
    "outlet",
    "coalition",
    "senate",
    "congress",
    "senators",
    "governors",
    "ministers",
    "agencies",
    "intelligence",
    "services",
    "service",
    "others",
    "media",
    "press",
    "someone",
    "nobody",
    "everyone",
    "many",
    "some",
    "most",
    "both",
    "few",
    "several",
    "businessman",
    "businesswoman",
    "mogul",
    "billionaire",
    "tycoon",
    "magnate",
    "board",
    "front-runner",
    "frontrunner",
    "hopeful",
    "hopefuls",
    "contender",
    "incumbent",
    "challenger",
    "congressman",
    "congresswoman",
    "legislator",
    "legislators",
    "speaker",
    "moderator",
    "panelist",
    "commentator",
    "commentators",
    "pundit",
    "pundits",
    "blogger",
    "user",
    "users",
    "caller",
    "voter",
    "resident",
    "attendee",
    "attendees",
    "protester",
    "protesters",
    "demonstrators",
    "veteran",
    "veterans",
    "man",
    "woman",
    "men",
    "women",
    "person",
    "guy",
    "mom",
    "dad",
    "brother",
    "sister",
    "parents",
    "family",
    "pastor",
    "bishop",
    "pope",
    "rabbi",
    "imam",
    "sheriff",
    "agent",
    "agents",
    "administrator",
    "commissioner",
    "justice",
    "justices",
    "plaintiff",
    "defendant",
    "victim",
    "survivor",
    "polls",
    "surveys",
    "studies",
    "reports",
    "analysis",
    "research",
    "findings",
    "audit",
    "review",
    "book",
    "article",
    "editorial",
    "ad",
    "video",
    "release",
    "email",
    "message",
    "transcript",
    "platform",
    "conservatives",
    "liberals",
    "progressives",
    "economists",
    "scholars",
    "scholar",
    "economist",
    "negotiator",
    "negotiators",
    "lobbyist",
    "lobbyists",
    "donor",
    "donors",
    "fundraiser",
    "chairperson",
    "spokespersons",
    "entrepreneur",
    "investor",
    "investors",
    "writer",
    "journalist",
    "journalists",
    "physician",
    "nurse",
    "farmer",
    "retiree",
    "teacher",
    "teachers",
    "clerk",
];

/// Titles that may precede a name and are not part of it ("President Vladimir Putin").
pub static TITLES: &[&str] = &[
    "president",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "secretary",
    "minister",
    "prime",
    "vice",
    "gen",
    "general",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "speaker",
    "mayor",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "sir",
    "dame",
    "chancellor",
    "ambassador",
    "professor",
    "prof",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "rev",
    "gov.",
    "former",
    "candidate",
    "nominee",
    "leader",
    "attorney",
    "state",
    "deputy",
    "acting",
    "chief",
    "director",
    "lady",
    "rabbi",
    "father",
    "sheikh",
    "imam",
    "commissioner",
    "councilman",
    "councilwoman",
    "sheriff",
    "detective",
    "officer",
    "coach",
    "president-elect",
    "sens",
    "reps",
];

/// Words that make a capitalized run an institution, not a person ("Crocus City Hall").
pub static INSTITUTION_WORDS: &[&str] = &[
    "house",
    "hall",
    "embassy",
    "department",
    "ministry",
    "council",
    "committee",
    "group",
    "center",
    "centre",
    "agency",
    "institute",
    "university",
    "college",
    "party",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "association",
    "commission",
    "office",
    "court",
    "company",
    "corp",
    "inc",
    "bank",
    "fund",
    "foundation",
    "network",
    "state",
    "states",
    "union",
    "organization",
    "army",
    "police",
    "service",
    "services",
    "board",
    "administration",
    "campaign",
    "government",
    "kremlin",
    "pentagon",
    "congress",
    "senate",
    "parliament",
    "club",
    "league",
    "forces",
    "guard",
    "magazine",
    "tribune",
    "herald",
    "daily",
    "radio",
    "television",
    "tv",
    "channel",
    "review",
    "reuters",
    "bloomberg",
    "cnn",
    "bbc",
    "npr",
    "ap",
    "afp",
    "msnbc",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "city",
    "school",
    "church",
    "museum",
    "hospital",
    "airport",
    "street",
    "county",
    "district",
    "republic",
    "federation",
    "kingdom",
    "nations",
    "alliance",
    "coalition",
    "movement",
    "front",
    "brigade",
    "caucus",
    "institution",
    "project",
    "initiative",
    "program",
    "team",
    "staff",
    "monitor",
    "watch",
    "observatory",
    "lab",
    "laboratory",
    "society",
    "federal",
    "national",
    "international",
    "capital",
    "street",
    "world",
    "global",
    "media",
    "politico",
    "breitbart",
    "huffpost",
    "axios",
    "guardian",
    "telegraph",
    "economist",
    "atlantic",
    "hill",
    "insider",
];

/// Capitalized words that are function words at the start of a sentence, never part of a name.
pub static FUNCTION_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "although",
    "though",
    "because",
    "if",
    "as",
    "still",
    "meanwhile",
    "however",
    "now",
    "then",
    "also",
    "earlier",
    "later",
    "instead",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "the",
    "a",
    "an",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "not",
    "no",
    "yes",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "asked",
    "during",
    "since",
    "until",
    "despite",
    "among",
    "under",
    "over",
    "about",
    "like",
    "unlike",
    "last",
    "next",
    "both",
    "each",
    "every",
    "all",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "another",
    "other",
    "such",
    "even",
    "just",
    "only",
    "again",
    "read",
    "more",
    "related",
    "source",
    "according",
    "said",
    "says",
    "told",
    "mr",
    "mrs",
    "ms",
    "dr",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "let",
    "please",
    "thank",
    "thanks",
    "well",
    "oh",
    "okay",
    "ok",
    "look",
    "listen",
    "sure",
    "right",
    "hey",
    "hello",
    "hi",
    "first",
    "second",
    "third",
    "finally",
    "further",
    "furthermore",
    "moreover",
    "indeed",
    "perhaps",
    "maybe",
    "already",
    "once",
    "other",
    "whether",
];

/// Whether `w` (as written) is an adverb in "-ly" that may stand between a subject and its verb
/// like the adverbs of [`BETWEEN_WORDS`] ("Clinton was quietly arguing", "they boldly
/// reminded", "Trump notably made no mention"): lowercase, five letters or more, and none of the
/// nouns and adjectives in "-ly" that head or modify a subject ("the family said", "the rally").
pub fn is_ly_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "rally"
                | "supply"
                | "assembly"
                | "monopoly"
                | "reply"
                | "anomaly"
                | "bully"
                | "belly"
                | "tally"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "yearly"
                | "elderly"
                | "early"
                | "likely"
                | "unlikely"
                | "friendly"
                | "lonely"
                | "costly"
                | "holy"
                | "silly"
                | "ugly"
                | "only"
                | "italy"
                | "july"
                | "jelly"
                | "folly"
                | "homily"
                | "lily"
                | "deadly"
                | "orderly"
                | "timely"
                | "lovely"
                | "lively"
                | "curly"
                | "burly"
                | "chilly"
                | "hilly"
                | "woolly"
                | "comply"
                | "apply"
                | "imply"
                | "multiply"
                // "things that nobody really said": kept out, as before.
                | "really"
        )
}

/// Whether `w` (as written) may stand between a speaker and the cue and says nothing about who
/// spoke: a word of [`BETWEEN_WORDS`] (read from the [`Classes`] table) or an adverb in "-ly"
/// ([`is_ly_adverb`]). The one test for the speaker phrase, the clause subject, a coordination
/// and a raised subject.
pub fn stands_between(w: &str) -> bool {
    Classes::of(w).has(Classes::BETWEEN) || is_ly_adverb(w)
}

/// Words that may stand between a speaker and the cue, or after an inverted speaker, and say
/// nothing about who spoke: auxiliaries, adverbs, time words ("Putin last week dismissed …").
pub static BETWEEN_WORDS: &[&str] = &[
    "had",
    "has",
    "have",
    "also",
    "later",
    "again",
    "once",
    "previously",
    "recently",
    "reportedly",
    "publicly",
    "privately",
    "repeatedly",
    "then",
    "often",
    "had",
    "would",
    "will",
    "has",
    "did",
    "does",
    "do",
    "was",
    "is",
    "had",
    "just",
    "earlier",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "on",
    "flatly",
    "quickly",
    "immediately",
    "frequently",
    "openly",
    "angrily",
    "bluntly",
    "simply",
    "firmly",
    "clearly",
    "long",
    "first",
    "initially",
    "ultimately",
    "finally",
    "apparently",
    "already",
    "always",
    "never",
    "often",
    "separately",
    "subsequently",
    "similarly",
    "likewise",
    "too",
    "still",
    "even",
    "further",
    "years",
    "ago",
    "weeks",
    "months",
    "days",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "not",
    "never",
];

/// Pronouns that can be speakers.
pub static PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Determiners that open a speaker phrase.
pub static DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "another",
    "other", "most", "his", "her", "their", "its", "our", "both", "few", "senior", "top", "these",
    "those",
];

/// Prepositions allowed inside a speaker phrase ("the US embassy in Russia", "Kugelman of the
/// Wilson Center").
pub static NP_PREPOSITIONS: &[&str] = &["of", "in", "at", "for", "from", "with", "on"];

/// The US states and district as written, for "City, State," readings (`speaker::leading`:
/// "Speaking … in Salem, New Hampshire, Trump …").
pub static US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "D.C.",
];

/// Words in the name of a news outlet: "told Fox News Sunday" relays, "told reporters" does not.
pub static OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "press",
    "reuters",
    "bloomberg",
    "cnn",
    "bbc",
    "npr",
    "ap",
    "afp",
    "msnbc",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "radio",
    "tv",
    "television",
    "magazine",
    "tribune",
    "herald",
    "daily",
    "politico",
    "axios",
    "guardian",
    "telegraph",
    "economist",
    "atlantic",
    "breitbart",
    "huffpost",
    "huffington",
    "wsj",
    "nyt",
    "usa",
    "today",
    "channel",
    "network",
    "wire",
    "agency",
    "interfax",
    "tass",
    "ria",
    "novosti",
    "xinhua",
    "kyodo",
    "yonhap",
    "al-jazeera",
    "jazeera",
    "sky",
    "itv",
    "pbs",
    "c-span",
    "cnbc",
    "vox",
    "vice",
    "wired",
    "newsweek",
    "time",
    "forbes",
    "fortune",
    "hill",
    "insider",
    "mail",
    "sun",
    "mirror",
    "independent",
    "observer",
    "gazette",
    "chronicle",
    "examiner",
    "inquirer",
    "globe",
    "star",
    "show",
    "podcast",
    "sunday",
    "tonight",
    "morning",
    "meet",
    "nation",
    "face",
    "hour",
];

/// Whether word `w`, as written, folds to a word of `list`: [`is`] of its
/// [`crate::text::fold`], folded on the stack (no allocation for a capitalized word).
pub fn is_word(list: &[&str], w: &str) -> bool {
    match set(list) {
        Some(set) => set.contains_word(w),
        None => crate::text::with_fold(w, |f| list.contains(&f)),
    }
}

/// Whether folded word `w` is in `list`.
pub fn is(list: &[&str], w: &str) -> bool {
    match set(list) {
        Some(set) => set.contains(w),
        None => list.contains(&w),
    }
}

/// The set of `list`, when it is one of this module's.
#[inline]
fn set(list: &[&str]) -> Option<&'static WordSet> {
    let key = (list.as_ptr() as usize, list.len());
    let (slots, sets) = &*SETS;
    let mut at = list_slot(key.0);
    loop {
        let (k, i) = slots[at];
        if i == 0 {
            return None;
        }
        if k == key {
            return Some(&sets[i - 1]);
        }
        at = (at + 1) % LIST_SLOTS;
    }
}

/// Slots of the table of [`SETS`]: four times the lists, so a look-up is one probe.
const LIST_SLOTS: usize = 64;

/// Where a list at address `ptr` is looked for in [`SETS`]'s table: the top bits of a
/// multiplicative hash of its address.
#[inline]
fn list_slot(ptr: usize) -> usize {
    ((ptr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % LIST_SLOTS
}

/// The lists of this module as hash sets ([`WordSet`]: a word as written is looked up without
/// folding it first), found by the list's address and length in a small open-addressed table
/// ((address, length), index into the sets + 1; 0 marks an empty slot): `is` is called for
/// nearly every word of a page, and a linear scan of a 300-word list per call was a fifth of the
/// scan time. (The lists are `static`, so each has one address; a list not here, such as a
/// rule's own `const`, is scanned as it is.) Measured on 200 PolNeAR train articles (callgrind):
/// comparing the thirteen keys in turn cost about 95 instructions a call, 2.2 M in all.
#[allow(clippy::type_complexity)]
static SETS: LazyLock<([((usize, usize), usize); LIST_SLOTS], Vec<WordSet>)> =
    LazyLock::new(|| {
        let lists = [
            FUNCTION_WORDS,
            ROLE_NOUNS,
            INSTITUTION_WORDS,
            TITLES,
            BETWEEN_WORDS,
            PRONOUNS,
            DETERMINERS,
            NP_PREPOSITIONS,
            OUTLET_WORDS,
            STOPWORDS,
            NUMBERS,
            FEMALE_NAMES,
            MALE_NAMES,
        ];
        let mut slots = [((0, 0), 0); LIST_SLOTS];
        for (i, l) in lists.iter().enumerate() {
            let key = (l.as_ptr() as usize, l.len());
            let mut at = list_slot(key.0);
            while slots[at].1 != 0 {
                at = (at + 1) % LIST_SLOTS;
            }
            slots[at] = (key, i + 1);
        }
        (slots, lists.iter().map(|l| WordSet::new(l)).collect())
    });

/// Which of the speaker lists a word is on ([`FUNCTION_WORDS`], [`ROLE_NOUNS`],
/// [`INSTITUTION_WORDS`], [`TITLES`], [`BETWEEN_WORDS`], [`PRONOUNS`], [`DETERMINERS`],
/// [`NP_PREPOSITIONS`]), one bit each: one look-up of a word answers every list, so a rule that
/// asks about several lists hashes the word once.
///
/// Not kept for every word of a page in the word table: measured on 200 PolNeAR train articles
/// (callgrind), reading the bits of all 122k words in the table's pass cost about 6 M
/// instructions, more than the look-ups the rules make (the cast asks only about capitalized
/// words, the speaker rules about a few words before or after each cue).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u8);

impl Classes {
    /// On [`FUNCTION_WORDS`].
    pub const FUNCTION: Classes = Classes(1);
    /// On [`ROLE_NOUNS`].
    pub const ROLE_NOUN: Classes = Classes(1 << 1);
    /// On [`INSTITUTION_WORDS`].
    pub const INSTITUTION: Classes = Classes(1 << 2);
    /// On [`TITLES`].
    pub const TITLE: Classes = Classes(1 << 3);
    /// On [`BETWEEN_WORDS`].
    pub const BETWEEN: Classes = Classes(1 << 4);
    /// On [`PRONOUNS`].
    pub const PRONOUN: Classes = Classes(1 << 5);
    /// On [`DETERMINERS`].
    pub const DETERMINER: Classes = Classes(1 << 6);
    /// On [`NP_PREPOSITIONS`].
    pub const NP_PREPOSITION: Classes = Classes(1 << 7);

    /// Whether the word is on the list `list` (one of the constants above).
    #[inline]
    pub fn has(self, list: Classes) -> bool {
        self.0 & list.0 != 0
    }

    /// The lists word `w`, as written, is on: `is_word(LIST, w)` for each.
    pub fn of(w: &str) -> Classes {
        let t = trim_periods(w.as_bytes());
        // The hash and the first eight bytes the table compares, read together.
        let (h, ascii, head) = ascii_case_hash_head(t);
        if ascii {
            return CLASSED.ascii(h, t, head);
        }
        Classes::of_other(w)
    }

    /// [`Classes::of`] a word that is not ASCII (one word in a hundred or so). Out of line: its
    /// fold's stack buffer made every call save and restore registers (about 15 instructions
    /// of the 95 a look-up cost, measured on 200 PolNeAR train articles in callgrind).
    #[cold]
    #[inline(never)]
    fn of_other(w: &str) -> Classes {
        // The listed words that can match are made of 'a'..='z' and '-' (`classes020`), and
        // of the chars that are not ASCII only these fold into them: any other ("Trump’s",
        // "Über") puts a word on no list, without folding it.
        if w.chars()
            .any(|c| !c.is_ascii() && !matches!(c, '‑' | '–' | '\u{212A}'))
        {
            return Classes(0);
        }
        with_fold(w, |f| CLASSED.folded(f))
    }
}

/// The words of the [`Classes`] lists, each once with the lists it is on: open addressing over
/// [`ascii_case_hash`] like [`WordSet`], at most a quarter full, each slot holding the word's
/// first eight bytes, so a word of up to eight bytes (most of the listed words) is compared in
/// one step.
struct ClassTable {
    slots: Box<[ClassSlot]>,
    mask: usize,
}

#[derive(Clone, Copy, Default)]
struct ClassSlot {
    hash: u32,
    /// Length in bytes; with `classes` empty, the slot is.
    len: u32,
    /// The first eight bytes, little-endian, padded with zeros.
    head: u64,
    classes: Classes,
    word: &'static str,
}

impl ClassTable {
    fn new(words: &[(&'static str, Classes)]) -> ClassTable {
        let cap = (words.len() * 4).next_power_of_two().max(8);
        let mut slots = vec![ClassSlot::default(); cap].into_boxed_slice();
        let mask = cap - 1;
        for &(w, classes) in words {
            let (hash, _) = ascii_case_hash(w.as_bytes());
            let mut at = hash as usize & mask;
            while slots[at].classes != Classes(0) {
                at = (at + 1) & mask;
            }
            let b = w.as_bytes();
            slots[at] = ClassSlot {
                hash,
                len: b.len() as u32,
                head: load_short(&b[..b.len().min(8)]),
                classes,
                word: w,
            };
        }
        ClassTable { slots, mask }
    }

    /// The classes of the ASCII word `t` (compared as its lowercase), whose hash is `h` and
    /// whose first eight bytes (padded with zeros) are `head`.
    #[inline(always)]
    fn ascii(&self, h: u32, t: &[u8], head: u64) -> Classes {
        let mut at = h as usize & self.mask;
        loop {
            let s = &self.slots[at];
            if s.classes == Classes(0) {
                return Classes(0);
            }
            if s.hash == h
                && s.len as usize == t.len()
                && s.head == lower_ascii8(head)
                && (t.len() <= 8
                    || s.word.as_bytes()[8..]
                        .iter()
                        .zip(&t[8..])
                        .all(|(&a, &b)| a == b.to_ascii_lowercase()))
            {
                return s.classes;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The classes of folded word `f`.
    fn folded(&self, f: &str) -> Classes {
        let (h, _) = ascii_case_hash(f.as_bytes());
        let mut at = h as usize & self.mask;
        loop {
            let s = &self.slots[at];
            if s.classes == Classes(0) {
                return Classes(0);
            }
            if s.hash == h && s.word == f {
                return s.classes;
            }
            at = (at + 1) & self.mask;
        }
    }
}

/// Each list of [`Classes`] with its bit.
const CLASS_LISTS: [(&[&str], Classes); 8] = [
    (FUNCTION_WORDS, Classes::FUNCTION),
    (ROLE_NOUNS, Classes::ROLE_NOUN),
    (INSTITUTION_WORDS, Classes::INSTITUTION),
    (TITLES, Classes::TITLE),
    (BETWEEN_WORDS, Classes::BETWEEN),
    (PRONOUNS, Classes::PRONOUN),
    (DETERMINERS, Classes::DETERMINER),
    (NP_PREPOSITIONS, Classes::NP_PREPOSITION),
];

/// The words of the [`Classes`] lists.
static CLASSED: LazyLock<ClassTable> = LazyLock::new(|| {
    let lists = CLASS_LISTS;
    let mut words: Vec<(&'static str, Classes)> = Vec::new();
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (list, bit) in lists {
        for &w in list {
            match seen.get(w) {
                Some(&i) => words[i].1 .0 |= bit.0,
                None => {
                    seen.insert(w, words.len());
                    words.push((w, bit));
                }
            }
        }
    }
    ClassTable::new(&words)
});

/// First names that, in the news, almost always name a woman: "he" never resolves to them.
/// Trade-off: a short list of common names; a name on neither list agrees with any pronoun.
pub static FEMALE_NAMES: &[&str] = &[
    "hillary",
    "nancy",
    "elizabeth",
    "sarah",
    "carly",
    "michelle",
    "kellyanne",
    "loretta",
    "jennifer",
    "gwen",
    "susan",
    "mary",
    "patricia",
    "linda",
    "barbara",
    "margaret",
    "karen",
    "lisa",
    "betty",
    "dorothy",
    "sandra",
    "ashley",
    "kimberly",
    "donna",
    "emily",
    "carol",
    "melania",
    "ivanka",
    "chelsea",
    "huma",
    "debbie",
    "jill",
    "amy",
    "kirsten",
    "claire",
    "dianne",
    "maxine",
    "nikki",
    "condoleezza",
    "madeleine",
    "megyn",
    "hope",
    "katrina",
    "rachel",
    "maria",
    "laura",
    "julie",
    "heather",
    "anna",
    "ann",
    "anne",
    "jane",
    "janet",
    "katie",
    "kate",
    "kathleen",
    "catherine",
    "christine",
    "samantha",
    "theresa",
    "angela",
    "marine",
    "ruth",
    "sonia",
    "elena",
    "tammy",
    "tulsi",
    "kamala",
    "marsha",
    "joni",
    "jeanne",
    "shelley",
    "mia",
    "ayanna",
    "alicia",
    "rosie",
    "oprah",
    "ava",
    "brenda",
    "pamela",
    "sharon",
    "cynthia",
    "deborah",
    "stephanie",
    "rebecca",
    "helen",
    "amanda",
    "melissa",
    "michele",
    "jan",
    "jeanine",
    "sally",
    "valerie",
    "malkia",
    "minyon",
    "hilary",
    "erin",
    "andrea",
    "diane",
    "joan",
    "judy",
    "martha",
    "nina",
    "gina",
    "kristen",
    "kelly",
    "wendy",
];

/// First names that, in the news, almost always name a man: "she" never resolves to them.
pub static MALE_NAMES: &[&str] = &[
    "donald",
    "bernie",
    "barack",
    "bill",
    "ted",
    "marco",
    "jeb",
    "john",
    "ben",
    "chris",
    "mike",
    "michael",
    "paul",
    "mitch",
    "joe",
    "tim",
    "rand",
    "rick",
    "scott",
    "george",
    "james",
    "robert",
    "david",
    "richard",
    "charles",
    "thomas",
    "mark",
    "steven",
    "stephen",
    "kevin",
    "jason",
    "jeff",
    "jeffrey",
    "ryan",
    "gary",
    "eric",
    "jim",
    "tom",
    "bob",
    "harry",
    "vladimir",
    "reince",
    "corey",
    "newt",
    "rudy",
    "jared",
    "lindsay",
    "martin",
    "lincoln",
    "dick",
    "al",
    "howard",
    "jesse",
    "frank",
    "peter",
    "henry",
    "andrew",
    "william",
    "daniel",
    "matthew",
    "anthony",
    "brian",
    "larry",
    "justin",
    "ron",
    "roger",
    "sean",
    "steve",
    "dan",
    "ed",
    "edward",
    "fred",
    "greg",
    "jack",
    "jerry",
    "ken",
    "kenneth",
    "lou",
    "luis",
    "nick",
    "patrick",
    "ralph",
    "raymond",
    "roy",
    "sam",
    "samuel",
    "terry",
    "tony",
    "walter",
    "wayne",
    "rex",
    "reid",
    "elijah",
    "keith",
    "carl",
    "ross",
    "orrin",
    "bobby",
    "cory",
    "beto",
    "jerome",
    "colin",
    "bruce",
    "rush",
    "ban",
    "dennis",
    "doug",
    "frederick",
    "hugh",
    "jon",
    "josh",
    "kirk",
    "leon",
];

/// Words that carry no content of their own, for showing changes as phrases.
pub static STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and", "or",
    "but", "is", "are", "was", "were", "be", "been", "has", "have", "had", "its", "it", "his",
    "her", "their", "our", "my", "your", "this", "that", "these", "those", "we", "they", "he",
    "she", "i", "you", "not", "no", "so", "do", "does", "did", "will", "would", "can", "could",
    "into", "onto", "over", "than", "then", "there", "here", "about", "up", "out", "if", "all",
];

/// Number words, which quantify a content word rather than being one ("two years").
pub static NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "hundred", "thousand", "million", "billion", "dozen", "dozens", "several", "many",
    "few", "some", "first", "last", "past", "next",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every list, as written in several ways, and words on no list: the bits
    /// answer as the lists do.
    #[test]
    fn classes010_bits_are_the_lists() {
        let lists = CLASS_LISTS;
        let mut words: Vec<String> = Vec::new();
        for (list, _) in lists {
            for w in list.iter() {
                let cap: String = w[..1].to_uppercase() + &w[1..];
                words.extend([
                    w.to_string(),
                    w.to_uppercase(),
                    cap.clone(),
                    format!("{cap}."),
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                    w.replace('-', "‑").replace('\'', "’"),
                ]);
            }
        }
        words.extend(
            [
                "",
                ".",
                "Über",
                "vice-president",
                "Sen.",
                "U.S.",
                "spokespeoplex",
                "@he",
            ]
            .map(String::from),
        );
        words.extend(
            [
                "Trump’s",
                "Vice‑President",
                "President–elect",
                "\u{212A}",
                "İn",
                "ʼtis",
                "ﬁrm",
            ]
            .map(String::from),
        );
        for w in &words {
            let c = Classes::of(w);
            for (list, bit) in lists {
                assert_eq!(c.has(bit), is_word(list, w), "{w:?}");
            }
        }
    }

    /// What `Classes::of` assumes of a word that is not ASCII: every listed word that can match
    /// is made of 'a'..='z' and '-' (the others fold to something else, so nothing folds to
    /// them), and the only chars that are not ASCII and fold into those are '‑', '–' and the
    /// Kelvin sign.
    #[test]
    fn classes020_what_a_word_that_is_not_ascii_may_match() {
        let lists = CLASS_LISTS.map(|(list, _)| list);
        for w in lists.iter().flat_map(|l| l.iter()) {
            let plain = w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            assert!(plain || crate::text::fold(w) != *w, "{w}");
        }
        for c in ('\u{80}'..=char::MAX).filter(|c| {
            let mut f = String::new();
            crate::text::with_fold(c.encode_utf8(&mut [0; 4]), |x| f.push_str(x));
            !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        }) {
            assert!(matches!(c, '‑' | '–' | '\u{212A}'), "{c:?}");
        }
    }
}
