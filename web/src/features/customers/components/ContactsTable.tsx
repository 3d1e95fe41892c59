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
      <table>
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.jobTitle}</th>
            <th scope="col">{t.phone}</th>
            <th scope="col">{t.mobile}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{`${c.first_name} ${c.last_name}`}</th>
              <td>{c.title || m.common.none}</td>
              <td>{phone(c.phone)}</td>
              <td>{phone(c.mobile)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
