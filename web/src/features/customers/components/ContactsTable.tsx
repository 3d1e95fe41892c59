import { Table } from '../../../components/DataTable';
import { m } from '../../../messages';
import type { PortalContact } from '../api';
import { PhoneLink } from './PhoneLink';

const phone = (value: string | null | undefined) => <PhoneLink phone={value} />;

/** The company's contacts: name, title, phone and mobile. */
export function ContactsTable({ contacts }: { contacts: PortalContact[] }) {
  const t = m.customers.contacts;
  if (contacts.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <div className="table-wrap">
      <Table caption={t.caption} captionShown={false} columns={[t.name, t.jobTitle, t.phone, t.mobile]}>
        {contacts.map((c) => (
          <tr key={c.id}>
            <th scope="row">{`${c.first_name} ${c.last_name}`}</th>
            <td>{c.title || m.common.none}</td>
            <td>{phone(c.phone)}</td>
            <td>{phone(c.mobile)}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
