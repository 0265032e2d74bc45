import GRDB

extension Warehouse {
    /// The versioned schema. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger-units-facts-targets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ledger (
                        id INTEGER PRIMARY KEY,
                        sha256 TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        modified_at TEXT,
                        encoding TEXT,
                        delimiter TEXT,
                        kind TEXT,
                        rows INTEGER NOT NULL DEFAULT 0,
                        facts_new INTEGER NOT NULL DEFAULT 0,
                        facts_revised INTEGER NOT NULL DEFAULT 0,
                        periods TEXT NOT NULL DEFAULT '',
                        errors INTEGER NOT NULL DEFAULT 0,
                        warnings INTEGER NOT NULL DEFAULT 0,
                        status TEXT NOT NULL CHECK (status IN ('ingested', 'quarantined', 'duplicate')),
                        stored_as TEXT NOT NULL,
                        run_id TEXT NOT NULL,
                        recorded_at TEXT NOT NULL
                    );
                    CREATE UNIQUE INDEX ledger_ingested_hash ON ledger(sha256) WHERE status = 'ingested';
                    CREATE INDEX ledger_hash ON ledger(sha256);

                    CREATE TABLE indicators (
                        id INTEGER PRIMARY KEY,
                        code TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL
                    );

                    CREATE TABLE units (
                        id INTEGER PRIMARY KEY,
                        credit_code TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        industry TEXT,
                        area TEXT,
                        check_character_ok INTEGER NOT NULL DEFAULT 1,
                        last_period INTEGER NOT NULL,
                        last_file_id INTEGER NOT NULL REFERENCES ledger(id)
                    );

                    CREATE TABLE facts (
                        id INTEGER PRIMARY KEY,
                        unit_id INTEGER NOT NULL REFERENCES units(id),
                        period INTEGER NOT NULL,
                        indicator_id INTEGER NOT NULL REFERENCES indicators(id),
                        basis INTEGER NOT NULL CHECK (basis BETWEEN 0 AND 3),
                        amount INTEGER NOT NULL,
                        file_id INTEGER NOT NULL REFERENCES ledger(id),
                        line INTEGER NOT NULL,
                        superseded_by INTEGER REFERENCES ledger(id)
                    );
                    CREATE UNIQUE INDEX facts_current
                        ON facts(unit_id, period, indicator_id, basis) WHERE superseded_by IS NULL;
                    CREATE INDEX facts_period ON facts(period, indicator_id) WHERE superseded_by IS NULL;

                    CREATE TABLE targets (
                        id INTEGER PRIMARY KEY,
                        year INTEGER NOT NULL,
                        indicator TEXT NOT NULL,
                        target_amount INTEGER,
                        target_count INTEGER,
                        target_growth TEXT,
                        unit TEXT,
                        source TEXT NOT NULL,
                        file_id INTEGER NOT NULL REFERENCES ledger(id),
                        line INTEGER NOT NULL,
                        superseded_by INTEGER REFERENCES ledger(id)
                    );
                    CREATE UNIQUE INDEX targets_current
                        ON targets(year, indicator, source) WHERE superseded_by IS NULL;

                    CREATE TABLE problems (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES ledger(id),
                        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                        code TEXT NOT NULL,
                        line INTEGER,
                        column_name TEXT,
                        value TEXT,
                        period INTEGER,
                        message TEXT NOT NULL
                    );
                    CREATE INDEX problems_file ON problems(file_id);

                    CREATE TABLE runs (
                        id TEXT PRIMARY KEY,
                        stage TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        summary TEXT
                    );
                    """)
        }
        migrator.registerMigration("v2-price-indices-and-results") { db in
            try db.execute(
                sql: """
                    CREATE TABLE price_indices (
                        id INTEGER PRIMARY KEY,
                        period INTEGER NOT NULL,
                        division TEXT NOT NULL DEFAULT '',
                        idx TEXT NOT NULL,
                        file_id INTEGER NOT NULL REFERENCES ledger(id),
                        line INTEGER NOT NULL,
                        superseded_by INTEGER REFERENCES ledger(id)
                    );
                    CREATE UNIQUE INDEX price_indices_current
                        ON price_indices(period, division) WHERE superseded_by IS NULL;

                    CREATE TABLE out_indicators (
                        period TEXT NOT NULL, indicator TEXT NOT NULL, indicator_name TEXT NOT NULL,
                        unit TEXT NOT NULL, scope TEXT NOT NULL, scope_id TEXT NOT NULL, scope_name TEXT NOT NULL,
                        units INTEGER NOT NULL, ytd TEXT NOT NULL, ytd_base TEXT NOT NULL, ytd_yoy_pct REAL,
                        ytd_increment TEXT NOT NULL, month TEXT, month_base TEXT, month_yoy_pct REAL,
                        pull_pp REAL, share_pct REAL, estimate INTEGER NOT NULL,
                        ytd_yoy_exact TEXT, month_yoy_exact TEXT, pull_exact TEXT, share_exact TEXT,
                        position INTEGER NOT NULL
                    );
                    CREATE INDEX out_indicators_period ON out_indicators(period);

                    CREATE TABLE out_targets (
                        period TEXT NOT NULL, indicator TEXT NOT NULL, indicator_name TEXT NOT NULL,
                        unit TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, target_value TEXT,
                        target_growth_pct REAL, source TEXT NOT NULL, ytd TEXT, ytd_yoy_pct REAL,
                        completion_pct REAL, time_progress_pct REAL, ahead_pp REAL, gap_pp REAL,
                        required_rest_growth_pct REAL, status TEXT NOT NULL,
                        target_growth_exact TEXT, ytd_yoy_exact TEXT, completion_exact TEXT,
                        time_progress_exact TEXT, ahead_exact TEXT, gap_exact TEXT, required_rest_exact TEXT,
                        position INTEGER NOT NULL
                    );
                    CREATE INDEX out_targets_period ON out_targets(period);

                    CREATE TABLE out_roster (
                        period TEXT NOT NULL, scope TEXT NOT NULL, scope_id TEXT NOT NULL, scope_name TEXT NOT NULL,
                        units INTEGER NOT NULL, new_units INTEGER NOT NULL, exited_units INTEGER NOT NULL,
                        net_units INTEGER NOT NULL, growing_units INTEGER NOT NULL, declining_units INTEGER NOT NULL,
                        unchanged_units INTEGER NOT NULL, no_base_units INTEGER NOT NULL,
                        growing_share_pct REAL, declining_share_pct REAL, indicator TEXT NOT NULL,
                        growing_share_exact TEXT, declining_share_exact TEXT,
                        position INTEGER NOT NULL
                    );
                    CREATE INDEX out_roster_period ON out_roster(period);

                    CREATE TABLE out_warnings (
                        period TEXT, indicator TEXT, code TEXT NOT NULL, scope TEXT NOT NULL, message TEXT NOT NULL,
                        position INTEGER NOT NULL
                    );
                    CREATE INDEX out_warnings_period ON out_warnings(period);

                    CREATE TABLE transform_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        last_file_id INTEGER NOT NULL,
                        units_fingerprint TEXT NOT NULL,
                        config_fingerprint TEXT NOT NULL,
                        finished_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-transform-units") { db in
            // Each unit's details as the last transform used them, to find the periods a changed
            // name, industry or area affects.
            try db.execute(
                sql: "CREATE TABLE transform_units (credit_code TEXT PRIMARY KEY, details TEXT NOT NULL) WITHOUT ROWID")
        }
        migrator.registerMigration("v4-result-generations") { db in
            // out_periods: bumped each time transform rewrites a period's results; load_state: the
            // generation each published folder was rendered from, so load re-renders only what changed.
            try db.execute(
                sql: """
                    CREATE TABLE out_periods (period TEXT PRIMARY KEY, generation INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE TABLE load_state (period TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v5-facts-period-index-by-period-only") { db in
            // facts_period on (period, indicator_id) took a new month's rows in as many places as
            // the file has indicators, each a full descent of the index, which cost more than the
            // rest of the insert; on (period) alone, a new month's rows append at its end. Every
            // query by period still finds its rows through it.
            try db.execute(
                sql: """
                    DROP INDEX facts_period;
                    CREATE INDEX facts_period ON facts(period) WHERE superseded_by IS NULL;
                    """)
        }
        migrator.registerMigration("v6-facts-current-by-period-first") { db in
            // facts_current led by unit_id took every new month's rows in all over the index (a
            // unit's keys sit together), so each file dirtied most of its pages; led by period, a
            // new month's rows append at its end, and facts_period (period alone) is redundant.
            // Every lookup still gives all four key columns or a leading period.
            try db.execute(
                sql: """
                    DROP INDEX facts_period;
                    DROP INDEX facts_current;
                    CREATE UNIQUE INDEX facts_current
                        ON facts(period, unit_id, indicator_id, basis) WHERE superseded_by IS NULL;
                    """)
        }
        migrator.registerMigration("v7-ledger-quarantine-resolutions") { db in
            // A quarantined file's notice ends when its fixed version is ingested (`resolved`,
            // `resolved_by` that file) or the analyst deletes it from quarantine/ (`dismissed`);
            // the row stays, as the ledger's history. SQLite cannot widen a CHECK in place: the
            // table is made anew and its rows copied (other tables name `ledger` by name).
            try db.execute(
                sql: """
                    CREATE TABLE ledger_v7 (
                        id INTEGER PRIMARY KEY,
                        sha256 TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        modified_at TEXT,
                        encoding TEXT,
                        delimiter TEXT,
                        kind TEXT,
                        rows INTEGER NOT NULL DEFAULT 0,
                        facts_new INTEGER NOT NULL DEFAULT 0,
                        facts_revised INTEGER NOT NULL DEFAULT 0,
                        periods TEXT NOT NULL DEFAULT '',
                        errors INTEGER NOT NULL DEFAULT 0,
                        warnings INTEGER NOT NULL DEFAULT 0,
                        status TEXT NOT NULL
                            CHECK (status IN ('ingested', 'quarantined', 'duplicate', 'resolved', 'dismissed')),
                        stored_as TEXT NOT NULL,
                        run_id TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        resolved_by INTEGER REFERENCES ledger(id),
                        resolved_at TEXT
                    );
                    INSERT INTO ledger_v7(id, sha256, file_name, size, modified_at, encoding, delimiter, kind, rows,
                                          facts_new, facts_revised, periods, errors, warnings, status, stored_as,
                                          run_id, recorded_at)
                        SELECT id, sha256, file_name, size, modified_at, encoding, delimiter, kind, rows, facts_new,
                               facts_revised, periods, errors, warnings, status, stored_as, run_id, recorded_at
                        FROM ledger;
                    DROP TABLE ledger;
                    ALTER TABLE ledger_v7 RENAME TO ledger;
                    CREATE UNIQUE INDEX ledger_ingested_hash ON ledger(sha256) WHERE status = 'ingested';
                    CREATE INDEX ledger_hash ON ledger(sha256);
                    """)
        }
        migrator.registerMigration("v8-problems-by-entry") { db in
            // Cross-month warnings (ytd_mismatch, month_jump) name the entry they are about, so
            // that a revision can replace them with the check of the current values; the ledger
            // keeps each file's column headers, so that such a warning can point at the column.
            try db.execute(
                sql: """
                    ALTER TABLE problems ADD COLUMN unit_id INTEGER;
                    ALTER TABLE problems ADD COLUMN indicator_id INTEGER;
                    CREATE INDEX problems_entry ON problems(period, unit_id, indicator_id) WHERE unit_id IS NOT NULL;
                    ALTER TABLE ledger ADD COLUMN columns TEXT;
                    """)
        }
        migrator.registerMigration("v9-revisions-and-published-figures") { db in
            // facts_history: the superseded values by key, few next to the current ones, so that
            // a period's revisions and a value's every vintage are found without a scan.
            // published_figures: each period's zone, industry and area figures as load last
            // published them; published_changes: every figure that moved when a period was
            // published again (changes.csv, the report's 数据修订说明).
            try db.execute(
                sql: """
                    CREATE INDEX facts_history
                        ON facts(period, unit_id, indicator_id, basis) WHERE superseded_by IS NOT NULL;
                    CREATE TABLE published_figures (
                        period TEXT NOT NULL, indicator TEXT NOT NULL, scope TEXT NOT NULL, scope_id TEXT NOT NULL,
                        field TEXT NOT NULL, value TEXT NOT NULL, display TEXT, run_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (period, indicator, scope, scope_id, field)
                    ) WITHOUT ROWID;
                    CREATE TABLE published_changes (
                        id INTEGER PRIMARY KEY,
                        period TEXT NOT NULL, indicator TEXT NOT NULL, scope TEXT NOT NULL, scope_id TEXT NOT NULL,
                        field TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL, old_display TEXT, new_display TEXT,
                        published_before TEXT NOT NULL, published_now TEXT NOT NULL
                    );
                    CREATE INDEX published_changes_period ON published_changes(period);
                    """)
        }
        migrator.registerMigration("v10-problem-enterprises-and-footers") { db in
            // errors.csv and warnings.csv name the enterprise of a problem's line (its code and
            // name as the line gives them); the ledger counts each file's footer lines (notes and
            // signatures below the data), which extract skips.
            try db.execute(
                sql: """
                    ALTER TABLE problems ADD COLUMN credit_code TEXT;
                    ALTER TABLE problems ADD COLUMN unit_name TEXT;
                    ALTER TABLE ledger ADD COLUMN footer_lines INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        migrator.registerMigration("v11-out-unit-blocks") { db in
            // Unit rows leave out_indicators (issue 13): one row per (period, indicator) holding
            // every unit's exact figures as packed columns (Warehouse+UnitBlocks.swift).
            try db.execute(
                sql: """
                    CREATE TABLE out_unit_blocks (
                        id INTEGER PRIMARY KEY,
                        period TEXT NOT NULL, indicator TEXT NOT NULL,
                        count INTEGER NOT NULL, deflated INTEGER NOT NULL,
                        zone BLOB NOT NULL,
                        unit_ids BLOB NOT NULL, ytd BLOB NOT NULL, base BLOB NOT NULL,
                        month BLOB NOT NULL, month_base BLOB NOT NULL, real BLOB NOT NULL
                    );
                    CREATE UNIQUE INDEX out_unit_blocks_key ON out_unit_blocks(period, indicator);
                    """)
        }
        migrator.registerMigration("v12-fact-blocks") { db in
            // Facts as packed blocks (issue 13, docs/design/packed-facts.md): what each file said
            // per (period, indicator, basis), the current values per (period, indicator, basis)
            // with each value's source file (or, when one file gave them all, the name of that
            // file's block), and one row per value a file changed. The rows of
            // `facts` move over (FactBlockMigration), then the table goes.
            try db.execute(
                sql: """
                    CREATE TABLE fact_blocks (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES ledger(id),
                        period INTEGER NOT NULL, indicator_id INTEGER NOT NULL, basis INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        units BLOB NOT NULL, amounts BLOB NOT NULL, lines BLOB NOT NULL,
                        complete INTEGER NOT NULL
                    );
                    CREATE UNIQUE INDEX fact_blocks_key ON fact_blocks(period, indicator_id, basis, file_id);
                    CREATE INDEX fact_blocks_file ON fact_blocks(file_id);

                    -- file_id set: the current values are exactly that file's block of the key
                    -- (a month one file gave, the common case), and the BLOBs are empty.
                    CREATE TABLE current_blocks (
                        id INTEGER PRIMARY KEY,
                        period INTEGER NOT NULL, indicator_id INTEGER NOT NULL, basis INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        file_id INTEGER REFERENCES ledger(id),
                        units BLOB NOT NULL, amounts BLOB NOT NULL, sources BLOB NOT NULL
                    );
                    CREATE UNIQUE INDEX current_blocks_key ON current_blocks(period, indicator_id, basis);

                    CREATE TABLE fact_revisions (
                        period INTEGER NOT NULL, indicator_id INTEGER NOT NULL, basis INTEGER NOT NULL,
                        unit_id INTEGER NOT NULL,
                        old_file_id INTEGER NOT NULL, old_amount INTEGER NOT NULL, old_line INTEGER NOT NULL,
                        new_file_id INTEGER NOT NULL, new_amount INTEGER NOT NULL, new_line INTEGER NOT NULL,
                        PRIMARY KEY (period, new_file_id, unit_id, indicator_id, basis)
                    ) WITHOUT ROWID;
                    CREATE INDEX fact_revisions_unit ON fact_revisions(unit_id);
                    """)
            try FactBlockMigration.run(db)
            try db.execute(sql: "DROP TABLE facts")
        }
        migrator.registerMigration("v13-unit-results-as-blocks") { db in
            // Unit results leave out_indicators for out_unit_blocks (issue 13 item 2, outputs.md's
            // contract version 2): the unit rows an earlier transform stored go, and the transform
            // state with them, so that the next transform recomputes every period (its units as
            // blocks) and the load republishes every folder (with units.csv).
            try db.execute(sql: "DELETE FROM out_indicators WHERE scope = 'unit'; DELETE FROM transform_state")
        }
        return migrator
    }
}
