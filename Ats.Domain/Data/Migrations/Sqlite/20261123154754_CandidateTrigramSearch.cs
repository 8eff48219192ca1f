using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <summary>
    /// A trigram index over the candidates' search text, so "contains" searches do not read every candidate.
    /// Triggers keep it in step with every write, whichever path made it. The index holds the candidate id, not the
    /// rowid, because VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY.
    /// </summary>
    public partial class CandidateTrigramSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CandidateSearch" USING fts5("CandidateId" UNINDEXED, "SearchText", tokenize = 'trigram case_sensitive 1');
                INSERT INTO "CandidateSearch" ("CandidateId", "SearchText") SELECT "Id", "SearchText" FROM "Candidates";
                CREATE TRIGGER "Candidates_Search_Insert" AFTER INSERT ON "Candidates" BEGIN
                    INSERT INTO "CandidateSearch" ("CandidateId", "SearchText") VALUES (new."Id", new."SearchText");
                END;
                CREATE TRIGGER "Candidates_Search_Update" AFTER UPDATE OF "SearchText" ON "Candidates" BEGIN
                    UPDATE "CandidateSearch" SET "SearchText" = new."SearchText" WHERE "CandidateId" = old."Id";
                END;
                CREATE TRIGGER "Candidates_Search_Delete" AFTER DELETE ON "Candidates" BEGIN
                    DELETE FROM "CandidateSearch" WHERE "CandidateId" = old."Id";
                END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Candidates_Search_Delete";
                DROP TRIGGER "Candidates_Search_Update";
                DROP TRIGGER "Candidates_Search_Insert";
                DROP TABLE "CandidateSearch";
                """);
        }
    }
}
