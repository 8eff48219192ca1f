namespace Ats.Domain.Common;

/// One page of a list a person sorts and pages (the candidates, the jobs): the sort column, its direction (null: none
/// chosen, the list's own order), the page number from 0 and its size.
public sealed record PageRequest(string? SortLabel, bool? Ascending, int Page, int PageSize)
{
    public IQueryable<T> Of<T>(IQueryable<T> rows) => rows.Skip(Page * PageSize).Take(PageSize);
}

/// A page of rows and how many rows the whole list has.
public sealed record ListResult<T>(IReadOnlyList<T> Rows, int Total);
