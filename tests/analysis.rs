//! The analysis core on small articles written for these tests: each
//! attribution pattern is a row of a table (article, quote, expected speaker).

use whosaid::analysis::{analyze, Analysis, Evidence, Quote, QuoteKind};

/// The speaker name the analysis gives the quote whose text contains `needle`.
fn speaker_of<'a>(a: &'a Analysis, needle: &str) -> Option<&'a str> {
    let q = a
        .quotes
        .iter()
        .find(|q| a.text[q.start..q.end].contains(needle))
        .unwrap_or_else(|| panic!("no quote contains {needle:?} in {:#?}", a.quotes));
    name_of(a, q)
}

/// The name of the speaker the analysis gives quote `q`.
fn name_of<'a>(a: &'a Analysis, q: &Quote) -> Option<&'a str> {
    q.speaker
        .as_deref()
        .map(|id| a.speaker(id).expect("speaker id exists").name.as_str())
}

fn evidence_of(a: &Analysis, needle: &str) -> Option<Evidence> {
    a.quotes
        .iter()
        .find(|q| a.text[q.start..q.end].contains(needle))
        .and_then(|q| q.evidence)
}

/// The text of every quote of `kind`, in order.
fn quotes_of(a: &Analysis, kind: QuoteKind) -> Vec<&str> {
    a.quotes
        .iter()
        .filter(|q| q.kind == kind)
        .map(|q| &a.text[q.start..q.end])
        .collect()
}

/// The text of every reported (indirect) quote, in order.
fn reported_clauses(a: &Analysis) -> Vec<&str> {
    quotes_of(a, QuoteKind::Indirect)
}

/// The article reports nobody's words without quotation marks.
fn assert_nothing_reported(a: &Analysis) {
    let reported = reported_clauses(a);
    assert!(reported.is_empty(), "{reported:?}");
}

/// Every article starts with a headline, as news does.
fn article(body: &str) -> Analysis {
    analyze(&format!("A headline about the town\n\n{body}\n"))
}

#[test]
fn direct_attribution_patterns() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "quote, name said",
            "\"The bridge is closed,\" Maria Lopez said.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "quote, said name",
            "\"The bridge is closed,\" said Maria Lopez.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "colon intro",
            "Maria Lopez said: \"The bridge is closed.\"",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "said then quote",
            "Maria Lopez said \"the bridge is closed\" on Monday.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "added without comma",
            "\"The bridge is closed.\" Maria Lopez added.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "question, then a long cue clause",
            "\"Is the bridge closed?\" Maria Lopez asked reporters at a news conference on Monday.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "said name, long apposition closing the sentence",
            "\"The bridge is closed\" until the spring floods are over, said Maria Lopez, the head of the county's roads department and a civil engineer.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "went on to call",
            "Maria Lopez went on to call the bridge \"a danger to every driver.\"",
            "danger",
            Some("Maria Lopez"),
        ),
        (
            "said, a few words of role, name",
            "\"The bridge is closed,\" said Republican party boss Maria Lopez, though she expects it to reopen.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "quote, the description read",
            "Maria Lopez wrote an editorial for the paper.\n\n\"The bridge must be closed,\" the editorial read.",
            "bridge",
            Some("the editorial"),
        ),
        (
            "second part after said-description",
            "\"It is a hard call,\" said the county engineer, \"because the bridge is closed.\"",
            "bridge",
            Some("the county engineer"),
        ),
        (
            "told listener colon",
            "Maria Lopez told reporters: \"The bridge is closed.\"",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "according to",
            "According to Maria Lopez, \"the bridge is closed\".",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "relative clause",
            "Maria Lopez, who runs the ferry, said \"the bridge is closed\".",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "appositive",
            "\"The bridge is closed,\" Maria Lopez, the harbour master, said.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "described as",
            "Tom Reed objected to what Maria Lopez described as a \"temporary closure\".",
            "temporary",
            Some("Maria Lopez"),
        ),
        (
            "partial quote",
            "Tom Reed said the plan was \"ridiculous\" and left.",
            "ridiculous",
            Some("Tom Reed"),
        ),
        (
            "curly marks",
            "“The bridge is closed,” Maria Lopez said.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "role before name",
            "Harbour master Maria Lopez said: \"The bridge is closed.\"",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "title before name",
            "\"The bridge is closed,\" said Dr Maria Lopez.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "tweeted",
            "Maria Lopez tweeted: \"The bridge is closed.\"",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "insisted",
            "\"The bridge is closed,\" Maria Lopez insisted.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "so-called is a scare quote",
            "Tom Reed said the so-called \"rescue\" was late.",
            "rescue",
            None,
        ),
        (
            "nobody speaks",
            "The \"rescue\" arrived late in the evening.",
            "rescue",
            None,
        ),
        (
            "dash byline",
            "\"The bridge is closed.\" \u{2015} Maria Lopez",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "a quote that ends its sentence is not the next sentence's",
            "On Monday Maria Lopez called the plan \"reckless.\" Tom Reed called it \"overdue\" and left.",
            "reckless",
            Some("Maria Lopez"),
        ),
        (
            "the next sentence keeps its own quote",
            "On Monday Maria Lopez called the plan \"reckless.\" Tom Reed called it \"overdue\" and left.",
            "overdue",
            Some("Tom Reed"),
        ),
        (
            "nor the next sentence's when its speaker reports something else",
            "Maria Lopez called the closure \"arbitrary.\" Tom Reed warned on Monday that the ferry would stop.",
            "arbitrary",
            Some("Maria Lopez"),
        ),
        (
            "a quote that ends its sentence and a short speaker clause",
            "\"Why not?\" Tom Reed said, laughing.",
            "Why not",
            Some("Tom Reed"),
        ),
        (
            "said, a modifier, then the titled name",
            "\"The bridge is closed,\" said former Mayor Maria Lopez, who ran the town for a decade.",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "as X put it",
            "Or, as Maria Lopez, the harbour master, put it: \"The bridge is closed.\"",
            "bridge",
            Some("Maria Lopez"),
        ),
        (
            "put it on the table is no cue",
            "Maria Lopez put it on the table. The \"rescue\" arrived late.",
            "rescue",
            None,
        ),
        (
            "a party word before a role is an adjective",
            "\"The bridge is closed,\" the Republican county commissioner wrote.",
            "bridge",
            Some("the Republican county commissioner"),
        ),
        (
            "a second verb shares the clause's subject",
            "Maria Lopez took the stage at the harbour and called the closure \"a disgrace.\"",
            "disgrace",
            Some("Maria Lopez"),
        ),
        (
            "a participle hangs on the clause's subject, not on a place before it",
            "Speaking at a meeting in Dunmore, Ruth Cole went after Tom Reed, calling him \"a quitter.\"",
            "quitter",
            Some("Ruth Cole"),
        ),
        (
            "a group no lexicon names, after the quote",
            "\"The figures do not add up,\" the harbour trustees wrote in a letter.",
            "figures",
            Some("the harbour trustees"),
        ),
        (
            "an inverted speaker no lexicon names",
            "\"Nobody asked us,\" complained a fisherman from the north quay.",
            "Nobody",
            Some("a fisherman"),
        ),
        (
            "the next sentence's quote continues a speaker no lexicon names",
            "\"The figures do not add up,\" the harbour trustees wrote. \"We ask the council to think again.\"",
            "think again",
            Some("the harbour trustees"),
        ),
        (
            "a subject no lexicon names, before the cue",
            "The council's leaflet claimed \"the bridge will open in May.\"",
            "open in May",
            Some("The council's leaflet"),
        ),
        (
            "a name and a colon",
            "The harbour debate, in brief. Maria Lopez: \"The bridge stays shut.\"",
            "stays shut",
            Some("Maria Lopez"),
        ),
        (
            "a person's clause and a colon",
            "Maria Lopez went further on Monday: \"The bridge stays shut until May.\"",
            "stays shut",
            Some("Maria Lopez"),
        ),
        (
            "a colon after a clause about a thing names nobody",
            "The sign at the harbour was blunt: \"No entry.\"",
            "No entry",
            None,
        ),
    ];
    for (name, body, needle, want) in cases {
        let a = article(body);
        assert_eq!(speaker_of(&a, needle), *want, "case {name}: {body}");
    }
}

#[test]
fn name_variants_merge_into_one_speaker() {
    let a = article(
        "Senator Maria Lopez opened the debate.\n\n\"We will vote today,\" Ms Lopez said.\n\n\"It is late,\" Lopez added.",
    );
    let quoted: Vec<_> = a.speakers.iter().filter(|s| s.quotes > 0).collect();
    assert_eq!(quoted.len(), 1, "{:#?}", a.speakers);
    assert_eq!(quoted[0].name, "Maria Lopez");
    assert_eq!(quoted[0].quotes, 2);
    assert!(
        quoted[0].aliases.iter().any(|x| x == "Ms Lopez"),
        "{:?}",
        quoted[0].aliases
    );
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let a = article(
        "Hillary Clinton spoke first. \"We are ready,\" Hillary Clinton said.\n\n\"So are we,\" Bill Clinton said.\n\n\"I agree,\" said Donald Trump. \"Me too,\" said Donald Trump Jr.",
    );
    assert_eq!(speaker_of(&a, "ready"), Some("Hillary Clinton"));
    assert_eq!(speaker_of(&a, "So are we"), Some("Bill Clinton"));
    assert_eq!(speaker_of(&a, "I agree"), Some("Donald Trump"));
    assert_eq!(speaker_of(&a, "Me too"), Some("Donald Trump Jr."));
}

#[test]
fn pronouns_resolve_to_the_right_person() {
    let a = article(
        "Mayor Helen Okafor met Mr Tom Reed on Monday.\n\n\"We agreed on a plan,\" she said.\n\nMr Reed was less sure. \"It may not work,\" he said.",
    );
    assert_eq!(speaker_of(&a, "agreed on a plan"), Some("Helen Okafor"));
    assert_eq!(evidence_of(&a, "agreed on a plan"), Some(Evidence::Pronoun));
    assert_eq!(speaker_of(&a, "may not work"), Some("Tom Reed"));
}

#[test]
fn a_pronoun_prefers_the_subject_to_a_preposition_s_object() {
    // Both bare surnames: only the sentence shows who the subject is.
    let a = article(
        "In his letter to Marlow, Okafor described the harbour. \"We will never give it up,\" he wrote.",
    );
    assert_eq!(speaker_of(&a, "never give it up"), Some("Okafor"));
}

#[test]
fn a_pronoun_with_nobody_to_refer_to_stays_unattributed() {
    let a = article("\"It may not work,\" he said.");
    assert_eq!(speaker_of(&a, "may not work"), None);
}

#[test]
fn role_nouns_resolve_to_the_holder() {
    let a = article(
        "Its chief executive, Marcus Bell, spoke first.\n\n\"We will not close,\" the company's chief executive said.",
    );
    assert_eq!(speaker_of(&a, "not close"), Some("Marcus Bell"));
    assert_eq!(evidence_of(&a, "not close"), Some(Evidence::RoleNoun));
}

#[test]
fn a_quote_only_paragraph_continues_the_previous_speaker() {
    let a = article(
        "\"The plan is sound,\" Maria Lopez said.\n\n\"And it is cheap.\"\n\nTom Reed disagreed.",
    );
    assert_eq!(speaker_of(&a, "cheap"), Some("Maria Lopez"));
    assert_eq!(evidence_of(&a, "cheap"), Some(Evidence::Continuation));
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote() {
    let a = article("Maria Lopez said: \"The plan is sound.\n\n\"And it is cheap.\"");
    let direct = quotes_of(&a, QuoteKind::Direct);
    assert_eq!(direct.len(), 1, "{direct:#?}");
    assert!(direct[0].contains("cheap"));
    assert_eq!(speaker_of(&a, "sound"), Some("Maria Lopez"));
}

#[test]
fn a_quote_over_four_paragraphs_is_one_quote_and_nothing_inside_it_is_reported() {
    let a = article(
        "Maria Lopez said: \"The plan is sound.\n\n\"Tom Reed said it was too costly.\n\n\"He was wrong about that.\n\n\"And it is cheap.\"\n\nTom Reed said the ferry would close.",
    );
    let direct = quotes_of(&a, QuoteKind::Direct);
    assert_eq!(direct.len(), 1, "{direct:#?}");
    assert!(
        direct[0].starts_with("\"The plan") && direct[0].ends_with("cheap.\""),
        "{direct:?}"
    );
    assert_eq!(speaker_of(&a, "sound"), Some("Maria Lopez"));
    // Words inside the quotation report nobody's speech; the sentence after it does.
    assert_eq!(reported_clauses(&a), ["the ferry would close"]);
}

#[test]
fn headlines_and_related_links_belong_to_nobody() {
    let a = analyze(
        "Mayor calls ferry deal a \"rescue\"\n\nMaria Lopez spoke.\n\n:: Is the 'ferry crisis' over?\n\n\"It is,\" Maria Lopez said.\n",
    );
    assert_eq!(speaker_of(&a, "rescue"), None);
    assert_eq!(speaker_of(&a, "ferry crisis"), None);
    assert_eq!(speaker_of(&a, "It is"), Some("Maria Lopez"));
}

#[test]
fn reported_speech_is_indirect() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "said that",
            "Maria Lopez said that the bridge would reopen in May.",
            "would reopen in May",
            "Maria Lopez",
        ),
        (
            "said without that",
            "Maria Lopez said the bridge would reopen in May.",
            "would reopen in May",
            "Maria Lopez",
        ),
        (
            "according to",
            "According to Maria Lopez, the bridge will reopen in May.",
            "will reopen in May",
            "Maria Lopez",
        ),
        (
            "warned that",
            "Maria Lopez warned that the bridge could fail again.",
            "could fail again",
            "Maria Lopez",
        ),
        (
            "wrote on Twitter",
            "Maria Lopez wrote on Twitter that the bridge would reopen.",
            "would reopen",
            "Maria Lopez",
        ),
        (
            "clause first",
            "The bridge will reopen in May, Maria Lopez said.",
            "will reopen in May",
            "Maria Lopez",
        ),
        (
            "told someone that, with a plural after that",
            "Maria Lopez told the meeting that engineers had checked every stone.",
            "engineers had checked every stone",
            "Maria Lopez",
        ),
        (
            "the group, not the place after of",
            "Residents of Mill Lane told the council they were angry.",
            "they were angry",
            "Residents",
        ),
        (
            "the group, across a which-clause",
            "Residents of Mill Lane, which carries the detour, told the council they were angry.",
            "they were angry",
            "Residents",
        ),
        (
            "a plural noun makes a bare say present",
            "Most engineers say the bridge is safe.",
            "the bridge is safe",
            "Most engineers",
        ),
        (
            "a bare plural subject",
            "Critics argue that the toll is too high.",
            "the toll is too high",
            "Critics",
        ),
        (
            "so many in so many",
            "Six in 10 say the toll is too high.",
            "the toll is too high",
            "Six in 10",
        ),
        (
            "a quantifier alone after a comma",
            "In Fenby, many said that the bridge should stay open.",
            "the bridge should stay open",
            "many",
        ),
        (
            "a clause opening with \"this\", which is no time here",
            "Engineers said this proves the bridge is safe.",
            "this proves the bridge is safe",
            "Engineers",
        ),
        (
            "a time of two words before the clause",
            "Maria Lopez said late last year she would run again.",
            "she would run again",
            "Maria Lopez",
        ),
        (
            "an abbreviation ends the sentence before a quotation",
            "Maria Lopez says the bridge will close for repairs made in the U.S. She says drivers need \u{201c}a little patience.\u{201d}",
            "the bridge will close",
            "Maria Lopez",
        ),
        (
            "according to, after a colon, reports what follows",
            "The change came quickly: according to the harbour board, the ferry runs late most days.",
            "the ferry runs late",
            "the harbour board",
        ),
        (
            "a possessive apostrophe after a name ending in s",
            "Mr. Jones' campaign said the rally drew a crowd of two thousand.",
            "the rally drew",
            "Mr. Jones' campaign",
        ),
        (
            "an anonymous source and how it knows",
            "A person familiar with the harbour plan said the ferry would stop in May.",
            "the ferry would stop",
            "A person familiar with the harbour plan",
        ),
        (
            "a clause opening with a number",
            "Council officials said 2019 was the wettest year on record.",
            "2019 was the wettest year",
            "Council officials",
        ),
        (
            "told a long listener that",
            "Maria Lopez told a packed town hall meeting on Monday night that the bridge would reopen in May.",
            "the bridge would reopen",
            "Maria Lopez",
        ),
        (
            "told a one-word listener, then the clause",
            "Maria Lopez told reporters the bridge would reopen in May.",
            "the bridge would reopen",
            "Maria Lopez",
        ),
        (
            "a group with \"to\" and whom it serves",
            "Aides to Mr. Hale said the bridge would reopen in May.",
            "the bridge would reopen",
            "Aides to Mr. Hale",
        ),
        (
            "a plural phrase around a name makes a bare say present",
            "Aides to Mayor Hale say the bridge will reopen in May.",
            "the bridge will reopen",
            "Aides to Mayor Hale",
        ),
        (
            "a person opens the phrase: the person speaks",
            "Mark Hale from the Harbour Trust said the bridge would reopen in May.",
            "the bridge would reopen",
            "Mark Hale",
        ),
        (
            "people close to someone",
            "People close to the mayor said the bridge would reopen in May.",
            "the bridge would reopen",
            "People close to the mayor",
        ),
        (
            "told a listener, a time, then the clause",
            "Maria Lopez told reporters on Monday her office would reopen the bridge.",
            "her office would reopen",
            "Maria Lopez",
        ),
        (
            "told a named listener, then a clause with its own determiner",
            "Maria Lopez told Harbour Radio her office would reopen the bridge in May.",
            "her office would reopen the bridge",
            "Maria Lopez",
        ),
        (
            "expressed concern that",
            "Maria Lopez expressed concern that the bridge could fail again.",
            "the bridge could fail again",
            "Maria Lopez",
        ),
        (
            "said in a statement, then a pronoun",
            "Maria Lopez said in a statement on Monday night she would resign in May.",
            "she would resign in May",
            "Maria Lopez",
        ),
        (
            "a stance verb and its object",
            "Maria Lopez opposed the plan to close the bridge for a year.",
            "the plan to close the bridge",
            "Maria Lopez",
        ),
        (
            "knows, a verb of thought",
            "Maria Lopez knows the bridge will not reopen soon.",
            "the bridge will not reopen",
            "Maria Lopez",
        ),
        (
            "an unknown organisation before has",
            "Fenby Watch has questioned whether the bridge was ever safe.",
            "whether the bridge was ever safe",
            "Fenby Watch",
        ),
        (
            "a time phrase, then a contracted pronoun",
            "Maria Lopez has said for weeks she's the only candidate who can fix the bridge.",
            "the only candidate",
            "Maria Lopez",
        ),
        (
            "and urged a listener to",
            "Maria Lopez stood with other councillors and urged drivers to avoid the bridge.",
            "to avoid the bridge",
            "Maria Lopez",
        ),
        (
            "one in so many, in words",
            "One in three said the toll was too high and one in four said the bridge should close.",
            "the bridge should close",
            "one in four",
        ),
        (
            "a progressive after an unknown plural",
            "Recent surveys are showing the bridge is less busy.",
            "the bridge is less busy",
            "Recent surveys",
        ),
        (
            "clause first, said and a role after it",
            "The bridge will stay closed until May, said a spokesman for the council.",
            "The bridge will stay closed",
            "a spokesman",
        ),
        (
            "clause first, a plural say after it",
            "The bridge will stay closed until May, say some engineers, who checked it last week.",
            "The bridge will stay closed",
            "some engineers",
        ),
        (
            "clause first, then an aside in brackets",
            "The toll was never fair, Maria Lopez said. (She has paid it for years.)",
            "The toll was never fair",
            "Maria Lopez",
        ),
        (
            "an unknown group as an aside",
            "After the vote, council officials said, the bridge will close.",
            "the bridge will close",
            "council officials",
        ),
        (
            "clause first, said on a day, adding",
            "The bridge will close in May, Maria Lopez said Friday, adding that the toll would stay.",
            "The bridge will close in May",
            "Maria Lopez",
        ),
        (
            "the participle's speaker is the cue's",
            "The bridge will close in May, Maria Lopez said Friday, adding that the toll would stay.",
            "the toll would stay",
            "Maria Lopez",
        ),
        (
            "clause first, told a listener",
            "The bridge will close in May, a council spokesman told the Fenby Herald.",
            "The bridge will close in May",
            "a council spokesman",
        ),
        (
            "a clause before a second cue and its quotation",
            "Maria Lopez said it takes time but added, \"I support the plan.\"",
            "it takes time",
            "Maria Lopez",
        ),
        (
            "a family name in the plural",
            "In Fenby, the Lopezes say the bridge is safe.",
            "the bridge is safe",
            "Lopezes",
        ),
        (
            "a share of a nationality",
            "A majority of Canadians say the toll is too high.",
            "the toll is too high",
            "A majority of Canadians",
        ),
        (
            "according to a survey by someone",
            "According to a survey by the Fenby Herald, the toll is unpopular with drivers.",
            "the toll is unpopular",
            "a survey by the Fenby Herald",
        ),
        (
            "a party tag in commas",
            "Sen. Maria Lopez, R-S.C., a long-time critic of the toll, said the bridge would stay open.",
            "the bridge would stay open",
            "Maria Lopez",
        ),
        (
            "a party tag in brackets",
            "Sen. Maria Lopez (D-N.D.) said the bridge would stay open.",
            "the bridge would stay open",
            "Maria Lopez",
        ),
        (
            "a verb in a list of verbs after a comma",
            "Maria Lopez delayed the vote, admitted she had lost the plans, and closed the bridge.",
            "she had lost the plans",
            "Maria Lopez",
        ),
        (
            "asked a listener to, the listener included",
            "Maria Lopez has asked the council to reopen the bridge.",
            "the council to reopen the bridge",
            "Maria Lopez",
        ),
        (
            "a name and an unnamed group: the name",
            "Maria Lopez and other councillors said the bridge was safe.",
            "the bridge was safe",
            "Maria Lopez",
        ),
        (
            "said, referring to",
            "\"It is closed,\" Maria Lopez said, referring to the old toll bridge over the river.",
            "the old toll bridge",
            "Maria Lopez",
        ),
        (
            "pointed to",
            "Maria Lopez pointed to the cracks in the old bridge.",
            "the cracks in the old bridge",
            "Maria Lopez",
        ),
        (
            "a transcript line in capitals",
            "JANE DOE: The bridge has been closed for a week now.",
            "The bridge has been closed",
            "JANE DOE",
        ),
        (
            "continued that",
            "Maria Lopez continued that the bridge was safe.",
            "the bridge was safe",
            "Maria Lopez",
        ),
        (
            "a capitalised modifier of a group",
            "Democratic strategists say the toll is too high.",
            "the toll is too high",
            "Democratic strategists",
        ),
        (
            "a group opening the sentence",
            "Local residents said the toll was too high.",
            "the toll was too high",
            "Local residents",
        ),
        (
            "a participle after an inverted speaker",
            "The bridge was closed, said Maria Lopez, adding that it would reopen in May.",
            "it would reopen in May",
            "Maria Lopez",
        ),
        (
            "a speaker named by a phrase around a preposition's object",
            "One employee at the ferry firm said the toll was too high.",
            "the toll was too high",
            "One employee at the ferry firm",
        ),
        (
            "according to a description and where it appeared",
            "According to a report in the Fenby Courier, the toll will rise in May.",
            "the toll will rise in May",
            "a report in the Fenby Courier",
        ),
        (
            "those asked",
            "By a wide margin, those surveyed say the toll is too high.",
            "the toll is too high",
            "those surveyed",
        ),
        (
            "a clause before \"but agreed that\" and a quotation",
            "Maria Lopez said she did not own the bridge, but agreed that the toll had \"gone too far\".",
            "she did not own the bridge",
            "Maria Lopez",
        ),
    ];
    for (name, body, needle, want) in cases {
        let a = article(body);
        let q = a
            .quotes
            .iter()
            .find(|q| a.text[q.start..q.end].contains(needle));
        let q = q.unwrap_or_else(|| panic!("case {name}: no reported clause in {:#?}", a.quotes));
        assert_eq!(q.kind, QuoteKind::Indirect, "case {name}");
        assert_eq!(name_of(&a, q), Some(*want), "case {name}");
    }
}

#[test]
fn a_plural_noun_that_looks_like_a_speech_verb_is_no_cue() {
    // "details", "claims", "reports" before "are"/"were" are nouns.
    let a = article("More details are in the council's report. The claims were denied.");
    assert!(a.quotes.is_empty(), "{:#?}", a.quotes);
    assert!(
        a.speakers.iter().all(|s| s.name != "More"),
        "{:#?}",
        a.speakers
    );
}

#[test]
fn what_a_reported_clause_holds_is_not_reported_again() {
    // "accept" inside what Ms Lopez said is her report, not the firm's.
    let a = article("Maria Lopez added that Tidewater would accept a fixed yearly payment.");
    let reported = reported_clauses(&a);
    assert_eq!(reported, ["Tidewater would accept a fixed yearly payment"]);
    assert_eq!(speaker_of(&a, "fixed yearly"), Some("Maria Lopez"));
}

#[test]
fn according_to_a_role_and_its_name_reports_what_follows_both() {
    let a = article(
        "According to the harbour master, Ruth Lindqvist, the ferry carried 41,000 people.",
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("a reported clause");
    assert_eq!(&a.text[q.start..q.end], "the ferry carried 41,000 people");
    assert_eq!(speaker_of(&a, "ferry carried"), Some("Ruth Lindqvist"));
}

#[test]
fn sentences_that_report_nothing_give_no_quote() {
    let cases = [
        // "support for", "support among": the noun after a count, not a verb.
        "About 36 percent support for the toll remains among drivers.",
        // "was expected", "would try": the phrase before them reports nothing.
        "The shift was expected to happen after May. The new bloc would try to win.",
        // A label before a colon is no speaker.
        "UPDATE: The bridge has reopened to all traffic.",
        // "Lopez's comments came as …": "comments" is the noun, "Lopez's" no subject.
        "Lopez's comments came as the bridge closed for the winter.",
        // "continues to …", "continued her …": going on, not saying.
        "Maria Lopez continues to lead the council by a wide margin.",
        "Maria Lopez continued her tour of the harbour on Monday.",
        // "said of …", "said with …": the topic or the manner.
        "Maria Lopez said of the ferry plan on Monday.",
        "Maria Lopez said with a shrug of her shoulders.",
        // "spoke to …", "spoke for …", "spoke on …": to whom, how long, on what terms.
        "Maria Lopez spoke to reporters at the harbour on Monday.",
        "Maria Lopez spoke for nearly an hour at the town hall.",
        "A ferry worker spoke on condition of anonymity about the toll.",
        // An article's own changes are nobody's words.
        "This article has been updated to include comments from the mayor.",
    ];
    for body in cases {
        let a = article(body);
        assert!(a.quotes.is_empty(), "{body}: {:#?}", a.quotes);
    }
}

#[test]
fn an_aside_before_said_is_no_inverted_speaker() {
    // "X, the mayor, said the toll …": the toll is no speaker.
    let a = article("Maria Lopez, the mayor, said the toll would stay.");
    assert_eq!(speaker_of(&a, "would stay"), Some("Maria Lopez"));
}

#[test]
fn a_long_first_paragraph_is_no_headline() {
    // Pasted text without a headline: its first paragraph is body text.
    let filler = "The council met for three hours on Tuesday night. ".repeat(8);
    let a = analyze(&format!(
        "{filler}\"The bridge will reopen in May,\" Maria Lopez said.\n\nMore followed.\n"
    ));
    assert_eq!(speaker_of(&a, "bridge will reopen"), Some("Maria Lopez"));
    // A short first line is the headline, and its quotes are nobody's.
    let a = analyze("\"Bridge will reopen,\" Maria Lopez said\n\nMore followed.\n");
    assert_eq!(speaker_of(&a, "Bridge will reopen"), None);
}

#[test]
fn sources_and_cues_point_at_the_text() {
    let a = article("\"The bridge is closed,\" Ms Maria Lopez said.");
    let q = &a.quotes[0];
    let source = q.source.expect("a source");
    let cue = q.cue.expect("a cue");
    assert_eq!(&a.text[source.start..source.end], "Maria Lopez");
    assert_eq!(&a.text[cue.start..cue.end], "said");
    assert_eq!(q.evidence, Some(Evidence::CueName));
}

#[test]
fn organisations_and_anonymous_sources_speak() {
    let a = article(
        "\"The figures are wrong,\" a spokesperson said.\n\n\"We disagree,\" the White House said in a statement.\n\n\"No comment,\" officials said.",
    );
    assert_eq!(speaker_of(&a, "figures"), Some("a spokesperson"));
    assert!(speaker_of(&a, "disagree").is_some_and(|s| s.contains("White House")));
    assert_eq!(speaker_of(&a, "No comment"), Some("officials"));
}

#[test]
fn people_only_mentioned_are_listed_without_quotes() {
    let a = article(
        "\"We met John Bolton,\" Maria Lopez said of national security adviser John Bolton.",
    );
    let bolton = a
        .speakers
        .iter()
        .find(|s| s.name == "John Bolton")
        .expect("Bolton listed");
    assert_eq!(bolton.quotes, 0);
    assert_eq!(bolton.role.as_deref(), Some("national security adviser"));
}

#[test]
fn a_pronoun_for_an_unnamed_group_leaves_the_speaker_unknown() {
    // A pronoun's speaker is a named one; a description it would stand for
    // ("the inspectors") is too often the wrong antecedent to give.
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "The inspectors arrived late on Monday. They said the bridge was unsafe.",
            "the bridge was unsafe",
            None,
        ),
        (
            "Maria Lopez met the inspectors, who said the bridge was unsafe.",
            "the bridge was unsafe",
            None,
        ),
        (
            "The inspectors arrived late. \"The bridge is unsafe,\" they said.",
            "The bridge is unsafe",
            None,
        ),
        (
            "Republicans met on Monday. They said the bridge was unsafe.",
            "the bridge was unsafe",
            Some("Republicans"),
        ),
    ];
    for (body, needle, want) in cases {
        let a = article(body);
        assert_eq!(speaker_of(&a, needle), *want, "{body}");
    }
}

#[test]
fn what_follows_the_verb_of_a_quotation_is_not_reported_again() {
    // "\"…,\" X said of …": the quotation is what X said; the words after
    // the verb tell of what, how or where.
    let cases = [
        "\"The bridge is closed,\" Maria Lopez said of the ferry plan.",
        "\"The bridge is closed,\" Maria Lopez said with a shrug.",
        "\"The bridge is closed,\" Maria Lopez told the crowd in the harbour.",
    ];
    for body in cases {
        let a = article(body);
        let quotes: Vec<(&str, Option<&str>)> = a
            .quotes
            .iter()
            .map(|q| (&a.text[q.start..q.end], name_of(&a, q)))
            .collect();
        assert_eq!(
            quotes,
            [("\"The bridge is closed,\"", Some("Maria Lopez"))],
            "{body}"
        );
    }
}

#[test]
fn a_participle_reports_for_the_subject_not_the_verb_s_object() {
    // "X has praised Y, saying …": Y is what X praised; X says it.
    assert_reported(&[(
        "an object between",
        "Maria Lopez has praised Tom Reed, saying the bridge was safe.",
        "the bridge was safe",
        "Maria Lopez",
    )]);
}

#[test]
fn a_participle_reports_for_the_sentence_s_subject_not_a_place_before_it() {
    assert_reported(&[
        (
            "a place before the subject",
            "At a rally in Fenby, Maria Lopez was blunt, saying the bridge was safe.",
            "the bridge was safe",
            "Maria Lopez",
        ),
        (
            "a dateline",
            "WASHINGTON - Maria Lopez defended the toll on Monday, saying the bridge was safe.",
            "the bridge was safe",
            "Maria Lopez",
        ),
    ]);
}

#[test]
fn a_first_person_opening_the_sentence_is_no_named_speaker() {
    // The writer's "I" or "we" is nobody the article names.
    for body in [
        "I have called on the council to cut the toll.",
        "We have urged the council to cut the toll.",
        "You said the toll would be cut.",
    ] {
        let a = article(body);
        let named: Vec<_> = a.quotes.iter().filter(|q| q.speaker.is_some()).collect();
        assert!(named.is_empty(), "{body}: {named:#?}");
    }
}

#[test]
fn a_role_noun_with_another_place_or_body_is_not_the_holder() {
    // "the Marlow governor" is not the governor the article named before.
    let a = article(
        "The governor, Tom Reed, met reporters on Monday.\n\n\"The bridge is safe,\" the Marlow governor said.\n\n\"It is,\" the governor said.",
    );
    assert_eq!(
        speaker_of(&a, "bridge is safe"),
        Some("the Marlow governor")
    );
    assert_eq!(speaker_of(&a, "It is"), Some("Tom Reed"));
    // A country is seldom given with the role: "the US president" is still
    // the president the article named.
    let a = article(
        "The president, Tom Reed, met reporters on Monday.\n\n\"We agreed,\" the US president said.",
    );
    assert_eq!(speaker_of(&a, "We agreed"), Some("Tom Reed"));
}

/// The exact clause reported and its speaker, for each row: (case, article
/// body, reported clause, speaker).
fn assert_reported(cases: &[(&str, &str, &str, &str)]) {
    for (name, body, clause, want) in cases {
        let a = article(body);
        let q = a
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect && &a.text[q.start..q.end] == *clause);
        let q = q.unwrap_or_else(|| {
            let got: Vec<&str> = a.quotes.iter().map(|q| &a.text[q.start..q.end]).collect();
            panic!("case {name}: no reported clause {clause:?}, got {got:?}")
        });
        assert_eq!(name_of(&a, q), Some(*want), "case {name}");
    }
}

#[test]
fn according_to_reports_the_clause_it_belongs_to() {
    assert_reported(&[
        (
            "an aside after an opening phrase reports the whole sentence",
            "Since the spring, according to the harbour board, ferry fares have doubled.",
            "Since the spring, according to the harbour board, ferry fares have doubled",
            "the harbour board",
        ),
        (
            "an aside with a name",
            "At the centre of the dispute, according to Maria Lopez, was a missing contract.",
            "At the centre of the dispute, according to Maria Lopez, was a missing contract",
            "Maria Lopez",
        ),
        (
            "a connective before it",
            "But, according to the harbour board, the ferry will keep running.",
            "the ferry will keep running",
            "the harbour board",
        ),
        (
            "an earlier verb's clause ends before it",
            "The council is weighing a plan to close the bridge for a month, according to two officials.",
            "The council is weighing a plan to close the bridge for a month",
            "two officials",
        ),
        (
            "a source whose mention ends before its comma",
            "According to a survey by the Fenby Herald/Tidewater Post out Friday, most drivers oppose the toll.",
            "most drivers oppose the toll",
            "a survey by the Fenby Herald",
        ),
        (
            "an appositive after the source stays out",
            "Most drivers will pay more under the plan, according to Maria Lopez, a former harbour master.",
            "Most drivers will pay more under the plan",
            "Maria Lopez",
        ),
    ]);
}

#[test]
fn a_reported_clause_opens_where_its_words_say() {
    assert_reported(&[
        (
            "a listener's that, then another that inside the clause",
            "Maria Lopez told the council that it was not that simple to reopen the bridge.",
            "it was not that simple to reopen the bridge",
            "Maria Lopez",
        ),
        (
            "at least opens a count",
            "Maria Lopez said at least 20 cars had crossed the bridge.",
            "at least 20 cars had crossed the bridge",
            "Maria Lopez",
        ),
    ]);
}

#[test]
fn a_share_of_a_group_speaks_as_the_share() {
    assert_reported(&[
        (
            "n in 10",
            "Six in 10 drivers said the toll was too high.",
            "the toll was too high",
            "Six in 10 drivers",
        ),
        (
            "a percentage alone",
            "About 9 percent said they had no view on the bridge.",
            "they had no view on the bridge",
            "About 9 percent",
        ),
        (
            "most of a group",
            "Most of the councillors say the bridge should reopen soon.",
            "the bridge should reopen soon",
            "Most of the councillors",
        ),
    ]);
}

#[test]
fn a_poll_named_with_in_is_the_source_of_its_figures() {
    assert_reported(&[
        (
            "opening the sentence",
            "In a Fenby Herald poll released Monday, 52 percent of drivers backed the toll.",
            "52 percent of drivers backed the toll",
            "a Fenby Herald poll released Monday",
        ),
        (
            "closing the sentence",
            "Maria Lopez holds a wide lead over her rivals in the latest Herald survey.",
            "Maria Lopez holds a wide lead over her rivals",
            "the latest Herald survey",
        ),
    ]);
    // Inside the sentence the poll names no source: "the lead in the polls
    // has grown" reports nothing.
    let a = article("Her lead in the polls has grown since the bridge closed.");
    assert!(a.quotes.is_empty(), "{:#?}", a.quotes);
}

#[test]
fn a_poll_or_report_described_after_its_noun_is_the_source() {
    assert_reported(&[
        (
            "a participle and a day",
            "New polls released Sunday showed Maria Lopez taking a lead in the race.",
            "Maria Lopez taking a lead in the race",
            "New polls released Sunday",
        ),
        (
            "not the place inside the description",
            "Exit polls taken in the town found that most drivers oppose the toll.",
            "most drivers oppose the toll",
            "Exit polls taken in the town",
        ),
    ]);
}

#[test]
fn a_reported_clause_ends_before_a_later_part_that_quotes() {
    assert_reported(&[
        (
            "and a second verb",
            "Maria Lopez says she respects the council and calls it \"a fine body of people\".",
            "she respects the council",
            "Maria Lopez",
        ),
        (
            "a dash",
            "Maria Lopez said the delay was a normal part of any repair — no different from \"the usual trouble\".",
            "the delay was a normal part of any repair",
            "Maria Lopez",
        ),
    ]);
}

#[test]
fn going_on_and_speaking_to_someone_report_nothing() {
    let a = article(
        "Maria Lopez continues to trail her rival in the race. Maria Lopez spoke to reporters after the vote on Friday.",
    );
    assert_nothing_reported(&a);
}

#[test]
fn where_something_was_said_is_not_what_was_said() {
    let a = article("Maria Lopez said on the Sunday radio programme with the mayor present.");
    assert_nothing_reported(&a);
    assert_reported(&[(
        "said on a programme that",
        "Maria Lopez said on the Sunday radio programme that the bridge would reopen.",
        "the bridge would reopen",
        "Maria Lopez",
    )]);
}

#[test]
fn what_follows_the_verb_after_a_quotation_is_no_reported_clause() {
    let a = article(
        "\"The bridge will reopen in May,\" Maria Lopez said to loud applause from the crowd.",
    );
    assert_nothing_reported(&a);
    assert_eq!(speaker_of(&a, "will reopen"), Some("Maria Lopez"));
}

#[test]
fn that_is_found_past_a_phrase_after_the_verb() {
    assert_reported(&[
        (
            "a noun that is also a verb of stance inside the phrase",
            "Harriet Voss said on the evening show that the ferry would stop running.",
            "the ferry would stop running",
            "Harriet Voss",
        ),
        (
            "a plural noun that is also a verb form",
            "Harriet Voss said on the morning news shows that the ferry would stop running.",
            "the ferry would stop running",
            "Harriet Voss",
        ),
        (
            "a long phrase of place and time",
            "Harriet Voss said in a talk with the harbour board on Monday that the ferry would stop running.",
            "the ferry would stop running",
            "Harriet Voss",
        ),
        (
            "a year in the phrase",
            "Harriet Voss said in 2009 that the ferry would stop running.",
            "the ferry would stop running",
            "Harriet Voss",
        ),
        (
            "a phrase between dashes",
            "Harriet Voss said \u{2014} on the radio, of all places \u{2014} that the ferry would stop running.",
            "the ferry would stop running",
            "Harriet Voss",
        ),
    ]);
}

#[test]
fn a_later_that_without_a_phrase_before_it_is_a_relative_pronoun() {
    assert_reported(&[(
        "the subject of the clause has a relative clause of its own",
        "Harriet Voss said the old blue ferry boat that crosses the bay would stop running.",
        "the old blue ferry boat that crosses the bay would stop running",
        "Harriet Voss",
    )]);
}

#[test]
fn a_verb_after_and_is_no_participle_in_a_speakers_name() {
    // "worked" is the subject's own verb: no speaker runs on through it.
    let a = article(
        "The Texas Republican worked two decades in banking and says such rules are harmful.",
    );
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("worked")), "{names:?}");
    // A participle phrase after a group still belongs to it.
    let b = article("New polls released Sunday showed the race is tied.");
    let q = b
        .quotes
        .iter()
        .find(|q| b.text[q.start..q.end].contains("tied"));
    let q = q.unwrap_or_else(|| panic!("no reported clause in {:#?}", b.quotes));
    assert_eq!(name_of(&b, q), Some("New polls released Sunday"));
}
