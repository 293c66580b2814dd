package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses
)

// FerretDB 1.24's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` but indexes
// `_id` as `_ferretdb_sjson->"_id"`, so SQLite never uses that index: every find or update by
// _id scans the whole collection (measured: 6 updates/s at 1,000 tickets). keepIDIndexes adds
// an index on the exact expression the queries use, to every collection, now and as new ones
// appear. FerretDB neither lists nor minds it, and dropping a collection drops it too.
func keepIDIndexes(ctx context.Context, dataDir string, logger *slog.Logger) {
	ticker := time.NewTicker(2 * time.Second)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dataDir, "*.sqlite"))
		for _, file := range files {
			if err := addIDIndexes(ctx, file); err != nil {
				logger.Warn("could not add _id path indexes", "file", file, "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func addIDIndexes(ctx context.Context, file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()

	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections
		WHERE table_name NOT IN (SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\_id\_path' ESCAPE '\')`)
	if err != nil {
		return nil // a database FerretDB has not initialised yet
	}
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	rows.Close()

	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+"_id_path", table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
