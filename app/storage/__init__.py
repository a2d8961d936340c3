"""Everything that talks SQL: schema, migrations, start-up checks, reads and writes."""
