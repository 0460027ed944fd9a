package io.cetus.objectstore.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The columns of one kind's Table and the cells of an object's row. */
interface RowPrinter {

  List<TableColumn> columns();

  /**
   * The cells of {@code object}'s row, one per column: {@code String}, {@code Integer} or {@code
   * Long}.
   *
   * @param now the instant ages are computed against
   */
  List<Object> cells(JsonNode object, Instant now);

  static RowPrinter of(List<TableColumn> columns, CellFunction cells) {
    return new RowPrinter() {
      @Override
      public List<TableColumn> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        return cells.cells(object, now);
      }
    };
  }

  @FunctionalInterface
  interface CellFunction {
    List<Object> cells(JsonNode object, Instant now);
  }
}
