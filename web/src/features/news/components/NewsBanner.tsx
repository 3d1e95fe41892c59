import { m } from '../../../messages';
import { useDismissNews, useNews } from '../api';
import { ANNOUNCEMENTS_BUTTON_ID } from './ids';
import { NewsCarousel } from './NewsCarousel';

/** The banner over the header while there is news the contact has not dismissed. */
export function NewsBanner() {
  const news = useNews();
  const dismiss = useDismissNews();
  const items = news.data ?? [];
  if (items.length === 0) return null;
  return (
    <NewsCarousel
      items={items}
      dismissing={dismiss.isPending}
      error={dismiss.isError ? m.news.dismissFailed : null}
      onDismiss={(ids) =>
        dismiss.mutate(ids, {
          onSuccess: () => {
            // The banner is gone with the button that had focus: continue where the items can be found again.
            requestAnimationFrame(() => document.getElementById(ANNOUNCEMENTS_BUTTON_ID)?.focus());
          },
        })
      }
    />
  );
}
