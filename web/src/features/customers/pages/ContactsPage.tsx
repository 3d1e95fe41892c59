import { Pager } from '../../../components/Pager';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { useAddContact, useContacts } from '../api';
import { AddContactForm } from '../components/AddContactForm';
import { ContactsTable } from '../components/ContactsTable';

/** The company's contacts, a page at a time, and adding a colleague. Contacts cannot be edited here. */
export default function ContactsPage() {
  const t = m.customers.contacts;
  const pages = useCursorPages();
  const contacts = useContacts(pages.cursor ?? undefined);
  const add = useAddContact();
  // Colleagues are added in a company's own portal, not while viewing another of the group.
  const viewingOther = useViewingOther();
  return (
    <Page title={t.title}>
      <p className="muted">{t.intro}</p>
      <section aria-labelledby="contacts-list">
        <h2 id="contacts-list">{t.listTitle}</h2>
        <QueryState query={contacts}>
          {(page) => (
            <>
              <ContactsTable contacts={page.items} />
              <Pager
                hasPrevious={pages.hasPrevious}
                nextCursor={page.next_cursor}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          )}
        </QueryState>
      </section>
      {viewingOther ? (
        <OwnPortalOnly />
      ) : (
        <AddContactForm busy={add.isPending} error={add.error} onAdd={(input) => add.mutateAsync(input)} />
      )}
    </Page>
  );
}
