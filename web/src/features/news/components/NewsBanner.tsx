import { useViewingOther } from '../../groups';
import { useDismissNews, useNews } from '../api';
import { ANNOUNCEMENTS_BUTTON_ID } from './ids';
import { NewsCarousel } from './NewsCarousel';

/**
 * The banner over the header while there is news the contact has not dismissed. In another company's
 * portal of their group the news is only read: dismissing is refused there, so it is not offered.
 */
export function NewsBanner() {
  const news = useNews();
  const dismiss = useDismissNews();
  const viewingOther = useViewingOther();
  const items = news.data ?? [];
  if (items.length === 0) return null;
  const send = (ids: string[]) =>
    dismiss.mutate(ids, {
      onSuccess: () => {
        // The banner is gone with the button that had focus: continue where the items can be found again.
        requestAnimationFrame(() => document.getElementById(ANNOUNCEMENTS_BUTTON_ID)?.focus());
      },
    });
  return (
    <NewsCarousel
      items={items}
      dismissing={dismiss.isPending}
      error={dismiss.error}
      onRetry={() => send(items.map((n) => n.id))}
      onDismiss={viewingOther ? undefined : send}
    />
  );
}
