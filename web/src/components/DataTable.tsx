import { useId, type ReactNode } from 'react';

/** A column's head: its text, or its text with a class (a figure's column, say); `null` or `false` leaves it out. */
export type Column = ReactNode | { label: ReactNode; className?: string };

interface TableProps {
  /** What the table lists. */
  caption: ReactNode;
  /** The caption's id, for what the table names (its frame, say). */
  captionId?: string;
  /** Show the caption above the table; else only screen readers read it. */
  captionShown?: boolean;
  className?: string;
  /** The column heads, in order. */
  columns: readonly Column[];
  /** The rows. */
  children: ReactNode;
  /** Rows below the others: totals, say. */
  footer?: ReactNode;
}

function isLabelled(column: Column): column is { label: ReactNode; className?: string } {
  return typeof column === 'object' && column !== null && 'label' in column;
}

/** Rows under column heads, with a caption. */
export function Table({ caption, captionId, captionShown = true, className, columns, children, footer }: TableProps) {
  return (
    <table className={className}>
      <caption id={captionId} className={captionShown ? undefined : 'visually-hidden'}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((column, i) =>
            column === null || column === false ? null : isLabelled(column) ? (
              <th key={i} scope="col" className={column.className}>
                {column.label}
              </th>
            ) : (
              <th key={i} scope="col">
                {column}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}

/**
 * A table in a frame that scrolls sideways on a narrow screen, named by the table's caption (by default read
 * only by screen readers).
 */
export function DataTable({ captionShown = false, ...props }: Omit<TableProps, 'captionId'>) {
  const captionId = useId();
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table {...props} captionId={captionId} captionShown={captionShown} />
    </div>
  );
}
