// Money as the API sends it: shared with the reports (`lib/money`), kept here under its old name for billing.
export * from '../../lib/money';
