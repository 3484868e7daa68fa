//! People across articles: the same person's speakers in many analyses
//! merged into one [`Person`], with every quote of theirs, article by article.
//!
//! Takes `(article index, &Analysis)` pairs, gives the people quoted at least
//! once, most quoted first. Two speakers are one person when they have the
//! same full name, or the same surname, the same generational suffix ("Jr.",
//! "III" or none) and compatible given names ("Mike" and "Michael", "M." and
//! "Mike", but not "Max" and "Maxine") with no other person of that surname
//! they could equally be. A bare surname ("Pompeo") joins the one full-named
//! person of that surname, unless its own article names another person of
//! that surname (the core then kept them apart on purpose) or the articles
//! hold several. "Hillary Clinton" and "Bill Clinton" never merge, nor do
//! "Donald Trump" and "Donald Trump Jr.".

use crate::analysis::Analysis;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One person across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name shown: the full form most articles use.
    pub name: String,
    /// Every name form of theirs, for finding them.
    pub names: Vec<String>,
    /// Where they are quoted, in article order.
    pub articles: Vec<Appearance>,
}

/// A person in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    /// The article's index.
    pub article: usize,
    /// Their quotes there (indices into the analysis's quotes), in text order.
    pub quotes: Vec<usize>,
}

impl Person {
    /// Their quotes in every article.
    pub fn quote_count(&self) -> usize {
        self.articles.iter().map(|a| a.quotes.len()).sum()
    }

    /// Every `(article, quote)` of theirs, grouped by article.
    pub fn quotes(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.articles
            .iter()
            .flat_map(|a| a.quotes.iter().map(move |&q| (a.article, q)))
    }
}

/// Familiar forms of given names: a pair names one person either way. Only
/// these, initials and equal names count as the same given name, so "Max"
/// and "Maxine" or "Jan" and "Janet" stay two people.
const NICKNAMES: &[(&str, &str)] = &[
    ("mike", "michael"),
    ("bill", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("tom", "thomas"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("joe", "joseph"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("chris", "christopher"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("kate", "katherine"),
    ("kate", "catherine"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("ted", "theodore"),
    ("ben", "benjamin"),
    ("nick", "nicholas"),
    ("tony", "anthony"),
    ("jack", "john"),
    ("larry", "lawrence"),
    ("andy", "andrew"),
    ("steve", "stephen"),
    ("steve", "steven"),
    ("alex", "alexander"),
    ("sam", "samuel"),
    ("matt", "matthew"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("sue", "susan"),
    ("pat", "patrick"),
    ("newt", "newton"),
];

/// Generational suffixes: name endings that are not surnames, and that tell
/// a father from his son.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// A speaker's name taken apart, lowercased.
#[derive(Debug, Clone)]
struct Name {
    /// The whole name, normalised: the key for "same full name".
    full: String,
    /// Given names and initials before the surname (empty: a bare surname).
    given: Vec<String>,
    /// The surname; None when the name does not look like a person's.
    surname: Option<String>,
    /// The generational suffix ("jr", "iii"), when the name ends with one.
    suffix: Option<String>,
}

fn parse(name: &str) -> Name {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == ',')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let full = words.join(" ");
    let capitalised = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let mut core = words;
    let mut suffix = None;
    while core.len() > 1 && core.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        suffix = core.pop();
    }
    let surname = (capitalised && (1..=4).contains(&core.len())).then(|| core.pop());
    Name {
        full,
        given: core,
        surname: surname.flatten(),
        suffix,
    }
}

/// True when two given names can be the same person's: equal, an initial
/// of the other ("M." and "Mike"), or a known familiar form ("Mike" and
/// "Michael"). Being a prefix is not enough: "Max" is not "Maxine".
fn same_given(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let initial = short.chars().count() == 1 && long.starts_with(short);
    let nick = NICKNAMES
        .iter()
        .any(|&(n, f)| (n == a && f == b) || (n == b && f == a));
    a == b || initial || nick
}

/// True when two lists of given names can be one person's: the first
/// names agree, and so do the middle ones where both give one.
fn compatible(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            same_given(x, y) && a[1..].iter().zip(&b[1..]).all(|(x, y)| same_given(x, y))
        }
        _ => false,
    }
}

/// One speaker of one article.
struct Ref<'a> {
    article: usize,
    name: Name,
    display: &'a str,
    quotes: Vec<usize>,
}

/// Merge the speakers of `articles` into people; only those quoted are kept.
pub fn merge<'a>(articles: impl IntoIterator<Item = (usize, &'a Analysis)>) -> Vec<Person> {
    let refs = collect(articles);
    let group = group_of(&refs);
    let mut people: BTreeMap<usize, Vec<&Ref>> = BTreeMap::new();
    for (r, g) in refs.iter().zip(&group) {
        people.entry(*g).or_default().push(r);
    }
    let mut out: Vec<Person> = people.into_values().filter_map(person).collect();
    out.sort_by(|a, b| {
        b.quote_count()
            .cmp(&a.quote_count())
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

fn collect<'a>(articles: impl IntoIterator<Item = (usize, &'a Analysis)>) -> Vec<Ref<'a>> {
    let mut refs = Vec::new();
    for (article, a) in articles {
        let base = refs.len();
        refs.extend(a.speakers.iter().map(|s| Ref {
            article,
            name: parse(&s.name),
            display: s.name.as_str(),
            quotes: Vec::new(),
        }));
        for (q, s) in a.quote_speakers().into_iter().enumerate() {
            if let Some(s) = s {
                refs[base + s].quotes.push(q);
            }
        }
    }
    refs
}

/// The person (a group number) of each ref.
fn group_of(refs: &[Ref]) -> Vec<usize> {
    // Same full name: one group to start with.
    let mut by_full: HashMap<&str, usize> = HashMap::new();
    let group: Vec<usize> = refs
        .iter()
        .map(|r| {
            let n = by_full.len();
            *by_full.entry(r.name.full.as_str()).or_insert(n)
        })
        .collect();
    let mut sets = Sets((0..by_full.len()).collect());
    let mut families: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in refs.iter().enumerate() {
        if let Some(s) = &r.name.surname {
            families.entry(s.as_str()).or_default().push(i);
        }
    }
    for members in families.values() {
        merge_family(refs, members, &group, &mut sets);
    }
    group.iter().map(|&g| sets.find(g)).collect()
}

/// Merge within one surname: full names with the same suffix and compatible
/// given names, then bare surnames into the family's only person (a bare
/// surname with a suffix only into a person with that suffix).
fn merge_family(refs: &[Ref], members: &[usize], group: &[usize], sets: &mut Sets) {
    let (mut full, bare): (Vec<usize>, Vec<usize>) = members
        .iter()
        .partition(|&&i| !refs[i].name.given.is_empty());
    let articles: HashSet<usize> = full.iter().map(|&i| refs[i].article).collect();
    // One ref per full name, most specific first, so a cluster is named by
    // its fullest given names.
    full.sort_by_key(|&i| Reverse((refs[i].name.given.len(), refs[i].name.full.len(), group[i])));
    full.dedup_by_key(|i| group[*i]);
    let mut clusters: Vec<(usize, &Name)> = Vec::new();
    for &i in &full {
        let name = &refs[i].name;
        let fits: Vec<usize> = clusters
            .iter()
            .filter(|(_, c)| c.suffix == name.suffix && compatible(&c.given, &name.given))
            .map(|&(g, _)| g)
            .collect();
        match fits[..] {
            [g] => sets.join(group[i], g),
            [] => clusters.push((group[i], name)),
            _ => {} // could be several people: stays apart
        }
    }
    let [(only, person)] = clusters[..] else {
        return;
    };
    for &i in &bare {
        let suffix = &refs[i].name.suffix;
        let fits = suffix.is_none() || *suffix == person.suffix;
        if fits && !articles.contains(&refs[i].article) {
            sets.join(group[i], only);
        }
    }
}

/// Groups joined into people (union-find).
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut g: usize) -> usize {
        while self.0[g] != g {
            self.0[g] = self.0[self.0[g]];
            g = self.0[g];
        }
        g
    }

    /// Put group `from` into `to`'s person.
    fn join(&mut self, from: usize, to: usize) {
        let (a, b) = (self.find(from), self.find(to));
        if a != b {
            self.0[a] = b;
        }
    }
}

/// The person of one group's refs, or None when nobody quoted them.
fn person(refs: Vec<&Ref>) -> Option<Person> {
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for r in &refs {
        *uses.entry(r.display).or_default() += 1;
        if !r.quotes.is_empty() {
            by_article.entry(r.article).or_default().extend(&r.quotes);
        }
    }
    if by_article.is_empty() {
        return None;
    }
    let mut names: Vec<String> = uses.keys().map(|s| s.to_string()).collect();
    names.sort();
    let name = uses
        .iter()
        .max_by_key(|(n, c)| (n.split_whitespace().count() > 1, **c, n.len(), Reverse(*n)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let articles = by_article
        .into_iter()
        .map(|(article, mut quotes)| {
            quotes.sort_unstable();
            Appearance { article, quotes }
        })
        .collect();
    Some(Person {
        name,
        names,
        articles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Id, Quote, QuoteKind, Speaker};

    /// An analysis whose speakers are `people`, each with its number of quotes.
    fn article(people: &[(&str, usize)]) -> Analysis {
        let mut a = Analysis::default();
        for (i, &(name, n)) in people.iter().enumerate() {
            a.speakers.push(Speaker {
                id: Id::new('s', i),
                name: name.into(),
                role: None,
                aliases: vec![name.into()],
                mentions: Vec::new(),
                quotes: n,
            });
            for _ in 0..n {
                let q = a.quotes.len();
                a.quotes.push(Quote {
                    id: Id::new('q', q),
                    start: q,
                    end: q + 1,
                    kind: QuoteKind::Direct,
                    speaker: Some(Id::new('s', i)),
                    source: None,
                    cue: None,
                    evidence: None,
                });
            }
        }
        a
    }

    /// A rule's name, its articles' speakers with their quote counts, and
    /// the people expected as `name: article/quote…`.
    type Case<'a> = (&'a str, &'a [&'a [(&'a str, usize)]], &'a [&'a str]);

    /// Each person as `name: article/quote…`.
    fn summary(articles: &[Analysis]) -> Vec<String> {
        merge(articles.iter().enumerate())
            .iter()
            .map(|p| {
                let qs: Vec<String> = p.quotes().map(|(a, q)| format!("{a}/{q}")).collect();
                format!("{}: {}", p.name, qs.join(" "))
            })
            .collect()
    }

    #[test]
    fn merge_rules() {
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("same full name in two articles",
             &[&[("Mike Pompeo", 1)], &[("Mike Pompeo", 2)]],
             &["Mike Pompeo: 0/0 1/0 1/1"]),
            ("bare surname joins the only full name",
             &[&[("Mike Pompeo", 2)], &[("Pompeo", 1)]],
             &["Mike Pompeo: 0/0 0/1 1/0"]),
            ("bare surname stays apart when its article names another of that surname",
             &[&[("Mike Pompeo", 2)], &[("Pompeo", 1), ("Susan Pompeo", 0)]],
             &["Mike Pompeo: 0/0 0/1", "Pompeo: 1/0"]),
            ("bare surname stays apart when the articles hold two people of that surname",
             &[&[("Hillary Clinton", 1)], &[("Bill Clinton", 1)], &[("Clinton", 1)]],
             &["Bill Clinton: 1/0", "Clinton: 2/0", "Hillary Clinton: 0/0"]),
            ("different first names never merge",
             &[&[("Hillary Clinton", 2)], &[("Bill Clinton", 1)]],
             &["Hillary Clinton: 0/0 0/1", "Bill Clinton: 1/0"]),
            ("nickname, initial and middle name merge",
             &[&[("Michael R. Pompeo", 1)], &[("Mike Pompeo", 1)], &[("M. Pompeo", 1)]],
             &["Michael R. Pompeo: 0/0 1/0 2/0"]),
            ("an initial that fits two people stays apart",
             &[&[("Mary Smith", 1)], &[("Mark Smith", 1)], &[("M. Smith", 1)]],
             &["M. Smith: 2/0", "Mark Smith: 1/0", "Mary Smith: 0/0"]),
            ("the name most articles use is shown",
             &[&[("Dan Coats", 1)], &[("Daniel Coats", 1)], &[("Dan Coats", 1)]],
             &["Dan Coats: 0/0 1/0 2/0"]),
            ("people only mentioned are left out",
             &[&[("Ruth Lindqvist", 0), ("Helen Okafor", 1)]],
             &["Helen Okafor: 0/0"]),
            ("groups are not people with surnames",
             &[&[("officials", 1)], &[("officials", 1)], &[("Pompeo", 1)]],
             &["officials: 0/0 1/0", "Pompeo: 2/0"]),
            ("suffixes are not surnames",
             &[&[("Martin Luther King Jr.", 1)], &[("King", 1)]],
             &["Martin Luther King Jr.: 0/0 1/0"]),
            ("a father and his son (Jr.) never merge",
             &[&[("Donald Trump", 2)], &[("Donald Trump Jr.", 1)]],
             &["Donald Trump: 0/0 0/1", "Donald Trump Jr.: 1/0"]),
            ("a bare surname fits father and son alike: stays apart",
             &[&[("Donald Trump", 2)], &[("Donald Trump Jr.", 1)], &[("Trump", 1)]],
             &["Donald Trump: 0/0 0/1", "Donald Trump Jr.: 1/0", "Trump: 2/0"]),
            ("the same suffix merges, with or without its dot",
             &[&[("Donald Trump Jr.", 1)], &[("Donald Trump Jr", 1)]],
             &["Donald Trump Jr.: 0/0 1/0"]),
            ("numbered generations never merge",
             &[&[("John Smith III", 1)], &[("John Smith IV", 1)], &[("John Smith", 1)]],
             &["John Smith: 2/0", "John Smith III: 0/0", "John Smith IV: 1/0"]),
            ("a bare surname with a suffix joins only that suffix",
             &[&[("Donald Trump", 1)], &[("Trump Jr.", 1)]],
             &["Donald Trump: 0/0", "Trump Jr.: 1/0"]),
            ("a name that begins another is not its short form",
             &[&[("Max Weber", 1)], &[("Maxine Weber", 1)]],
             &["Max Weber: 0/0", "Maxine Weber: 1/0"]),
            ("Jan is not Janet, nor Rob Roberta",
             &[&[("Jan Novak", 1), ("Rob Hale", 1)], &[("Janet Novak", 1), ("Roberta Hale", 1)]],
             &["Jan Novak: 0/0", "Janet Novak: 1/0", "Rob Hale: 0/1", "Roberta Hale: 1/1"]),
            ("a known familiar form merges",
             &[&[("Mike Pompeo", 1)], &[("Michael Pompeo", 1)]],
             &["Michael Pompeo: 0/0 1/0"]),
            ("an initial merges",
             &[&[("Mike Pompeo", 1)], &[("M. Pompeo", 1)]],
             &["Mike Pompeo: 0/0 1/0"]),
            ("familiar forms from the table merge both ways",
             &[&[("Chris Wray", 1), ("Newt Gingrich", 1)], &[("Christopher Wray", 1), ("Newton Gingrich", 1)]],
             &["Christopher Wray: 0/0 1/0", "Newton Gingrich: 0/1 1/1"]),
        ];
        for (name, articles, want) in cases {
            let articles: Vec<Analysis> = articles.iter().map(|a| article(a)).collect();
            assert_eq!(summary(&articles), *want, "{name}");
        }
    }

    #[test]
    fn names_hold_every_form_for_the_filter() {
        let articles = [article(&[("Mike Pompeo", 1)]), article(&[("Pompeo", 1)])];
        let people = merge(articles.iter().enumerate());
        assert_eq!(people[0].names, ["Mike Pompeo", "Pompeo"]);
        assert_eq!(people[0].quote_count(), 2);
    }

    #[test]
    fn article_indices_are_kept() {
        let a = article(&[("Jane Smith", 1)]);
        let people = merge([(7, &a), (3, &a)]);
        let at: Vec<usize> = people[0].articles.iter().map(|x| x.article).collect();
        assert_eq!(at, [3, 7]);
    }
}
