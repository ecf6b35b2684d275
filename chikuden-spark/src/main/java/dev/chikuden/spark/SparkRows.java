package dev.chikuden.spark;

import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.SweepSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A sweep's rows as Spark rows: the columns of {@link SweepSchema}, in its order, every one nullable. */
final class SparkRows {
    private SparkRows() {}

    static StructType structType(SweepSchema schema) {
        List<StructField> fields = new ArrayList<>();
        for (SweepSchema.Column c : schema.columns()) {
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(SweepSchema.Type t) {
        return switch (t) {
            case INT -> DataTypes.IntegerType;
            case TEXT -> DataTypes.StringType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }

    static Row row(SweepSchema schema, ScenarioRow r) {
        return RowFactory.create(schema.values(r));
    }

    static ScenarioRow scenarioRow(SweepSchema schema, Row r) {
        Object[] v = new Object[r.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        return schema.row(v);
    }
}
