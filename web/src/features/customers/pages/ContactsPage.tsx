import { useState } from 'react';
import { Pager } from '../../../components/Pager';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useAddContact, useContacts } from '../api';
import { AddContactForm } from '../components/AddContactForm';
import { ContactsTable } from '../components/ContactsTable';

/** The company's contacts, a page at a time, and adding a colleague. Contacts cannot be edited here. */
export default function ContactsPage() {
  const t = m.customers.contacts;
  // The cursors of the pages shown so far; the last one is the current page's (none for the first).
  const [cursors, setCursors] = useState<string[]>([]);
  const contacts = useContacts(cursors[cursors.length - 1]);
  const add = useAddContact();
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
                hasPrevious={cursors.length > 0}
                nextCursor={page.next_cursor}
                onPrevious={() => setCursors((c) => c.slice(0, -1))}
                onNext={(cursor) => setCursors((c) => [...c, cursor])}
              />
            </>
          )}
        </QueryState>
      </section>
      <AddContactForm busy={add.isPending} error={add.error} onAdd={(input) => add.mutateAsync(input)} />
    </Page>
  );
}
