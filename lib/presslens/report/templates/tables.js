// The start page's larger tables (class "interactive") made sortable and filterable with
// DataTables, which assets/datatables.js (the offline bundle shipped by itables) provides.
// Every row stays in the page as escaped HTML; without scripts the tables read as before.
(function () {
  "use strict";
  function enhance() {
    var bundle = window.PresslensDataTables;
    if (!bundle || !bundle["default"]) {
      return;
    }
    var DataTable = bundle["default"];
    document.querySelectorAll("table.interactive").forEach(function (table) {
      new DataTable(table, {
        paging: false,
        order: [],
        autoWidth: false,
        info: true,
        language: {
          search: "Filter:",
          info: "Sort by a column's heading, filter by typing: _TOTAL_ rows shown",
          infoFiltered: "(of _MAX_)",
          infoEmpty: "no row matches",
          zeroRecords: "No row matches the filter."
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
