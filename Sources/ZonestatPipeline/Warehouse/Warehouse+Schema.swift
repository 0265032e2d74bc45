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
        return migrator
    }
}
