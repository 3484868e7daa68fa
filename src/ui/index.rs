//! Indexes built once when the reader opens: the speakers' list order and
//! colours, and the quotes by start offset for finding those on a line.

use crate::analysis::Analysis;

/// Speakers in list order, their quote counts, and colour slots.
pub fn speaker_order(
    a: &Analysis,
    quote_speaker: &[Option<usize>],
) -> (Vec<usize>, Vec<usize>, Vec<Option<usize>>) {
    let n = a.speakers.len();
    let mut counts = vec![0; n];
    let mut first = vec![usize::MAX; n];
    for (q, s) in quote_speaker.iter().enumerate() {
        if let Some(s) = *s {
            counts[s] += 1;
            first[s] = first[s].min(a.quotes[q].start);
        }
    }
    let mention = |s: usize| {
        a.speakers[s]
            .mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&s| match counts[s] {
        0 => (1, 0, mention(s)),
        c => (0, usize::MAX - c, first[s]),
    });
    let mut slots = vec![None; n];
    for (slot, &s) in order.iter().filter(|&&s| counts[s] > 0).enumerate() {
        slots[s] = Some(slot);
    }
    (order, counts, slots)
}

/// Quote indices by start offset, and the running maximum of their ends.
pub fn start_index(a: &Analysis) -> (Vec<usize>, Vec<usize>) {
    let mut by_start: Vec<usize> = (0..a.quotes.len()).collect();
    by_start.sort_by_key(|&q| a.quotes[q].start);
    let mut max = 0;
    let max_end = by_start
        .iter()
        .map(|&q| {
            max = max.max(a.quotes[q].end);
            max
        })
        .collect();
    (by_start, max_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fixture;

    #[test]
    fn most_quoted_first_then_mentioned_by_first_mention() {
        let a = fixture::analysis();
        let qs: Vec<Option<usize>> = vec![Some(0), Some(0), Some(1), None, Some(0)];
        let (order, counts, slots) = speaker_order(&a, &qs);
        assert_eq!(order, [0, 1, 2]);
        assert_eq!(counts, [3, 1, 0]);
        assert_eq!(slots, [Some(0), Some(1), None]);
    }

    #[test]
    fn running_max_of_ends() {
        let mut a = fixture::analysis();
        a.quotes.swap(0, 2);
        let (by_start, max_end) = start_index(&a);
        assert_eq!(by_start[0], 2);
        assert!(max_end.windows(2).all(|w| w[0] <= w[1]));
    }
}
