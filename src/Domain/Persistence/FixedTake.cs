using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Persistence;

/// <summary>
/// A Take whose count goes into the SQL as a literal. EF sends a Take count as a parameter, and PostgreSQL's generic
/// plan then guesses a LIMIT of a tenth of the rows, so it keeps planning every execution afresh: the product page's
/// "more from" strips cost 1.2 ms of planning and 1.6 ms of execution at a million listings, 0 and 0.56 ms with the plan kept.
/// Only for counts the code fixes, never for a visitor's input (each count is its own statement).
/// </summary>
public static class FixedTake
{
    static readonly MethodInfo Take = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();
    static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    public static IQueryable<T> TakeFixed<T>(this IQueryable<T> source, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(null, Take.MakeGenericMethod(typeof(T)), source.Expression,
            Expression.Call(Constant, Expression.Constant(count))));
}
