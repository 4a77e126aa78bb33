using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Persistence;

static class MoneyMapping
{
    /// <summary>Maps a <see cref="Money"/> property to one whole-rupiah numeric column named like the property.</summary>
    public static EntityTypeBuilder<T> HasMoney<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, Money>> property)
        where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.ComplexProperty(property, money => money.Property(m => m.Amount).HasColumnName(name).HasPrecision(14, 0));
        return builder;
    }
}
