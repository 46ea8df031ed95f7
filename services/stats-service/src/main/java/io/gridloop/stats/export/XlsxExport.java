package io.gridloop.stats.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An Excel workbook, a tab per sheet: each opens with its heading (title in bold, then who made it and when, as a
 * printed report has it), then bold column headers, counts as integers, rates as percentages, hours and scores with
 * one decimal.
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(Sheet sheet) {
        return write(List.of(sheet));
    }

    public static byte[] write(List<Sheet> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle title = book.createCellStyle();
            title.setFont(big);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle oneDecimal = book.createCellStyle();
            oneDecimal.setDataFormat(book.createDataFormat().getFormat("0.0"));
            for (Sheet sheet : sheets) {
                XSSFSheet s = book.createSheet(safeSheetName(sheet.name()));
                int r = 0;
                List<String> heading = sheet.heading().isEmpty() ? List.of(sheet.title()) : sheet.heading();
                for (int i = 0; i < heading.size(); i++) {
                    XSSFCell c = (XSSFCell) s.createRow(r++).createCell(0);
                    c.setCellValue(heading.get(i));
                    if (i == 0) {
                        c.setCellStyle(title);
                    }
                }
                int headerRow = r;
                Row head = s.createRow(r++);
                for (int i = 0; i < sheet.columns().size(); i++) {
                    XSSFCell c = (XSSFCell) head.createCell(i);
                    c.setCellValue(sheet.columns().get(i).header());
                    c.setCellStyle(header);
                }
                for (List<Object> row : sheet.rows()) {
                    Row line = s.createRow(r++);
                    for (int i = 0; i < row.size(); i++) {
                        Object v = row.get(i);
                        if (v == null) {
                            continue;
                        }
                        XSSFCell c = (XSSFCell) line.createCell(i);
                        switch (sheet.columns().get(i).kind()) {
                            case COUNT -> c.setCellValue(((Number) v).doubleValue());
                            case RATE -> {
                                c.setCellValue(((Number) v).doubleValue());
                                c.setCellStyle(percent);
                            }
                            case DECIMAL -> {
                                c.setCellValue(Math.round(((Number) v).doubleValue() * 10) / 10.0);
                                c.setCellStyle(oneDecimal);
                            }
                            default -> c.setCellValue(v.toString());
                        }
                    }
                }
                for (int i = 0; i < sheet.columns().size(); i++) {
                    s.setColumnWidth(i, (i == 1 ? 22 : 14) * 256);
                }
                s.createFreezePane(0, headerRow + 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    static String safeSheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
