// transync dashboard: sort any table.sortable by a click on its column heading, and filter
// tables by the text typed in their filter box. The pages work without this script.
"use strict";

function cellValue(row, index, numeric) {
  const cell = row.cells[index];
  if (!cell) return numeric ? -Infinity : "";
  const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  if (!numeric) return raw.toLowerCase();
  const number = parseFloat(raw);
  return Number.isNaN(number) ? -Infinity : number;
}

function makeSortable(table) {
  if (table.caption) table.caption.append(" Click a column heading to sort.");
  const headings = table.tHead ? table.tHead.rows[0].cells : [];
  Array.from(headings).forEach((heading, index) => {
    heading.setAttribute("aria-sort", "none");
    heading.tabIndex = 0;
    const sort = () => {
      const numeric = heading.dataset.type === "number";
      const ascending = heading.getAttribute("aria-sort") !== "ascending";
      Array.from(headings).forEach((other) => other.setAttribute("aria-sort", "none"));
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = cellValue(a, index, numeric);
        const y = cellValue(b, index, numeric);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    };
    heading.addEventListener("click", sort);
    heading.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sort();
      }
    });
  });
}

function makeFilter(input) {
  const table = document.getElementById(input.dataset.filter);
  if (!table) return;
  input.closest(".filter").hidden = false;
  input.addEventListener("input", () => {
    const needle = input.value.trim().toLowerCase();
    Array.from(table.tBodies[0].rows).forEach((row) => {
      row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("input[data-filter]").forEach(makeFilter);
});
