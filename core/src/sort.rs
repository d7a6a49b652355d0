//! Sorting for the widget: a stable insertion sort for the short lists lookups and searches order (at most a few dozen
//! items). The standard library's sorts are faster on long lists but add several KB of code to the
//! widget for every type they are used with.

/// Sorts `v` stably so that `a` comes before `b` when `before(a, b)`.
pub(crate) fn insertion_sort_by<T>(v: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Indices of `keys`, ordered by key (ties by index). The one general-purpose sort in the widget.
pub(crate) fn sorted_ids(keys: &[&str]) -> Vec<u32> {
    let mut pairs: Vec<(&str, u32)> = keys.iter().zip(0u32..).map(|(k, i)| (*k, i)).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        insertion_sort_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut empty: [u8; 0] = [];
        insertion_sort_by(&mut empty, |a, b| a < b);
    }
}
