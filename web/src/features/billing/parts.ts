// The billing feature's parts that other features' pages show (themselves lazily loaded): a property's
// quotes and invoices, for its page (sections `#quotes` and `#invoices`), and the portfolio’s panels for the
// home page.
export { ActivityPanel } from './components/ActivityPanel';
export { SiteInvoices, SiteQuotes } from './components/SiteBilling';
export { SpendPanel } from './components/SpendPanel';
