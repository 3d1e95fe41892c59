/** The announcements button: focus goes there once the banner is dismissed, where the items can be found again. */
export const ANNOUNCEMENTS_BUTTON_ID = 'news-announcements-button';
