package org.custodia.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the catalogue: which tables hold tenant data, and which of them are not walled in by row-level security. */
public final class TenantTables {

    private static final String TABLES_WITH_TENANT_ID = """
            select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_policy
              from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
              join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
             where n.nspname = current_schema() and c.relkind in ('r', 'p')
               -- the cross-country roll-ups (V13, ADR 0010): counts per tenant, not tenant-owned rows; only the
               -- owner and the indicators role may read them, CrossCountryIndicatorsIT checks that role
               and c.relname not like 'indicator\\_%'
             order by c.relname
            """;

    private TenantTables() {}

    public static List<String> all(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(TABLES_WITH_TENANT_ID)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Tables with a {@code tenant_id} column lacking RLS enabled, RLS forced, or a policy; with the reason. */
    public static List<String> violations(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(TABLES_WITH_TENANT_ID)) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    violations.add(table + ": row level security not enabled");
                }
                if (!rows.getBoolean(3)) {
                    violations.add(table + ": row level security not forced");
                }
                if (!rows.getBoolean(4)) {
                    violations.add(table + ": no policy");
                }
            }
        }
        return violations;
    }
}
