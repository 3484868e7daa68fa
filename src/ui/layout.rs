//! Where each pane goes for a terminal size: a pure function, so the mouse
//! code and the tests agree with what is drawn.

use ratatui::layout::Rect;

/// The smallest terminal the panes fit in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the panes fit in.
pub const MIN_HEIGHT: u16 = 15;
/// The widest the article text is set, for comfortable reading.
pub const READING_WIDTH: usize = 80;

/// The rectangles of every pane, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The article text.
    pub article: Rect,
    /// The speakers list.
    pub speakers: Rect,
    /// The quotes list.
    pub quotes: Rect,
    /// The selected quote's details.
    pub details: Rect,
    /// The one-line status bar.
    pub status: Rect,
}

/// The panes for a terminal of `size`, or None when it is too small.
pub fn areas(size: Rect) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let body_h = size.height - 1;
    let side_w = (size.width * 2 / 5).clamp(28, 56);
    let article_w = size.width - side_w;
    let speakers_h = (body_h * 35 / 100).max(4);
    let quotes_h = (body_h * 27 / 100).max(4);
    let details_h = body_h - speakers_h - quotes_h;
    let (x, y) = (size.x, size.y);
    let side_x = x + article_w;
    Some(Areas {
        article: Rect::new(x, y, article_w, body_h),
        speakers: Rect::new(side_x, y, side_w, speakers_h),
        quotes: Rect::new(side_x, y + speakers_h, side_w, quotes_h),
        details: Rect::new(side_x, y + speakers_h + quotes_h, side_w, details_h),
        status: Rect::new(x, y + body_h, size.width, 1),
    })
}

/// The area inside a pane's border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The article's text area: inside the border, one column of padding each
/// side, no wider than the reading width.
pub fn article_text(r: Rect) -> Rect {
    let i = inner(r);
    let w = i.width.saturating_sub(2).min(READING_WIDTH as u16);
    Rect::new(i.x + 1, i.y, w, i.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_80x24_and_tiles_the_screen() {
        let a = areas(Rect::new(0, 0, 80, 24)).unwrap();
        assert_eq!(a.status, Rect::new(0, 23, 80, 1));
        assert_eq!(a.article.width + a.speakers.width, 80);
        assert_eq!(a.speakers.height + a.quotes.height + a.details.height, 23);
        assert!(a.details.height >= 5);
    }

    #[test]
    fn too_small_is_none() {
        assert!(areas(Rect::new(0, 0, MIN_WIDTH - 1, 40)).is_none());
        assert!(areas(Rect::new(0, 0, 100, MIN_HEIGHT - 1)).is_none());
        assert!(areas(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT)).is_some());
    }

    #[test]
    fn reading_width_is_capped() {
        let a = areas(Rect::new(0, 0, 400, 120)).unwrap();
        assert_eq!(article_text(a.article).width as usize, READING_WIDTH);
    }
}
