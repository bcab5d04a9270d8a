package lianshao.imports;

import java.io.Closeable;
import java.util.List;

/** A file read as named tables of rows: the sheets of a workbook, or the one table of a CSV file. */
interface TableSource extends Closeable {

    /** The tables in file order; the first is the main sheet. */
    List<String> tables();

    /** Streams the rows of one table to the handler. */
    void read(int table, RowHandler handler);

    @Override
    void close();
}
