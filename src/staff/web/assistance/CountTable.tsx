import { For } from 'solid-js';
import { formatCount } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

/** A list of named counts as a table; a null count is a hidden small cell, said in words. */
export function CountTable(props: {
  caption: string;
  nameHeader: string;
  countHeader: string;
  rows: Array<{ key: string; name: string; count: number | null }>;
  minCellSize: number;
  empty: string;
}) {
  const staff = useStaff();
  return (
    <TableScroll label={props.caption}>
      <table class="sw-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            <th scope="col">{props.countHeader}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={2}>{props.empty}</td>
              </tr>
            }
          >
            {(row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td class="sw-number">{row.count === null ? <HiddenFigure minCellSize={props.minCellSize} /> : formatCount(row.count, staff.language())}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableScroll>
  );
}
