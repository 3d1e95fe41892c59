// News: the banner over the header and the announcements list beside the logo.
export const news = {
  region: 'News',
  carousel: 'carousel',
  slide: 'slide',
  slideLabel: (n: number, total: number) => `${n} of ${total}`,
  showItem: (n: number, total: number) => `Show news item ${n} of ${total}`,
  pickItem: 'Choose a news item',
  previous: 'Previous news item',
  next: 'Next news item',
  pause: 'Pause news rotation',
  play: 'Resume news rotation',
  dismiss: 'Dismiss news',
  announcements: 'Announcements',
  announcementsLabel: (active: number) => (active === 0 ? 'Announcements' : `Announcements, ${active} new`),
  announcementsEmpty: 'There are no announcements.',
  dismissedTag: 'Dismissed',
  close: 'Close announcements',
};
